using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Access;

internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Declined a Teams {ActivityType} from tenant {TenantId}: {Reason} ({Count} declined for this reason since the last line)")]
    public static partial void Declined(ILogger logger, string activityType, string tenantId, string reason, int count);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Could not look up the sender of a Teams request; declined it")]
    public static partial void MemberLookupFailed(ILogger logger, Exception exception);
}
