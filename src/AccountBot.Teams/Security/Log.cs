using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Signing key {KeyId} is not in the cached key set; refreshing the OpenID metadata once ({Count} unknown keys since the last such line)")]
    public static partial void UnknownSigningKey(ILogger logger, string keyId, int count);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Could not load the Bot Framework OpenID metadata")]
    public static partial void MetadataUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Unauthenticated request let through by Teams:DangerouslyAllowUnauthenticatedRequests (development only)")]
    public static partial void DevelopmentBypass(ILogger logger);
}
