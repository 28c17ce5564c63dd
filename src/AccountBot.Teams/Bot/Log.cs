using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Bot;

internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "Handling a Teams {ActivityType} failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Ignored a Teams {ActivityType} without a tenant id")]
    public static partial void NoTenant(ILogger logger, string activityType);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "Card action {Verb} (in place: {InPlace})")]
    public static partial void CardAction(ILogger logger, string verb, bool inPlace);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "AccountBot was added to a {ConversationType} conversation")]
    public static partial void Installed(ILogger logger, string? conversationType);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Digest {DigestKey} delivered to {ChannelId}")]
    public static partial void DigestDelivered(ILogger logger, string digestKey, string channelId);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Digest {DigestKey} to {ChannelId} failed ({Status}): {Reason}")]
    public static partial void DigestFailed(ILogger logger, string digestKey, string channelId, string status, string reason);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning, Message = "Ignored a Teams {ActivityType} without a conversation id")]
    public static partial void NoConversation(ILogger logger, string activityType);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Information, Message = "Teams message action {InvokeName} refused: {Reason}")]
    public static partial void MessageActionRefused(ILogger logger, string invokeName, string reason);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Debug, Message = "Teams message action {InvokeName}: {Outcome}")]
    public static partial void MessageActionAnswered(ILogger logger, string invokeName, string outcome);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Nudge {NudgeKey} delivered to user {UserId}")]
    public static partial void NudgeDelivered(ILogger logger, string nudgeKey, string userId);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "Nudge {NudgeKey} to user {UserId} failed ({Status}): {Reason}")]
    public static partial void NudgeFailed(ILogger logger, string nudgeKey, string userId, string status, string reason);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Warning, Message = "Nudge {NudgeKey} to user {UserId} skipped: {Reason}")]
    public static partial void NudgeSkipped(ILogger logger, string nudgeKey, string userId, string reason);
}
