using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Routing;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Refused a Teams request with {StatusCode}: {Reason} ({Count} since the last such line)")]
    public static partial void RequestRefused(ILogger logger, int statusCode, string reason, int count);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Handler for {ActivityType} {Name} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string activityType, string? name);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Dispatched {ActivityType} {Name}: {StatusCode}")]
    public static partial void Dispatched(ILogger logger, string activityType, string? name, int statusCode);
}
