using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Connector;

internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Teams blocks the bot in conversation {ConversationId}; no further sends there")]
    public static partial void ConversationBlocked(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Skipped a send to blocked conversation {ConversationId}")]
    public static partial void SkippedBlocked(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Bot Connector answered {StatusCode} {ErrorCode} to {Method} {Operation}")]
    public static partial void ConnectorFailed(ILogger logger, int statusCode, string? errorCode, string method, string operation);
}
