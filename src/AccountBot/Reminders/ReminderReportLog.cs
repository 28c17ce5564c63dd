using AccountBot.Core.Reminders;

namespace AccountBot.Reminders;

/// <summary>Logs what a reminder run did, one structured line per digest (the core has no logger).</summary>
internal static partial class ReminderReportLog
{
    public static void Write(ILogger logger, ReminderRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var fallback in report.TimeZoneFallbacks)
        {
            TimeZoneFallback(logger, fallback.ChannelId, fallback.ConfiguredTimeZone, fallback.UsedTimeZone);
        }

        foreach (var entry in report.Recovered)
        {
            Resolved(logger, entry.Key.Value, entry.AttemptId, entry.State, entry.LastError);
        }

        foreach (var digest in report.Planned)
        {
            Planned(logger, digest.Key.Value, digest.Digest.TotalCount);
        }

        foreach (var key in report.Settled)
        {
            Settled(logger, key.Value);
        }

        foreach (var outcome in report.Outcomes)
        {
            switch (outcome.State)
            {
                case OutboxState.Sent:
                    Sent(logger, outcome.Key.Value, outcome.Attempts);
                    break;
                case OutboxState.Pending:
                    Retrying(logger, outcome.Key.Value, outcome.Attempts, outcome.NextAttemptAt, outcome.Detail);
                    break;
                case OutboxState.Failed:
                    Failed(logger, outcome.Key.Value, outcome.Attempts, outcome.Detail);
                    break;
                case OutboxState.Superseded:
                    Superseded(logger, outcome.Key.Value, outcome.Detail);
                    break;
                default:
                    Unknown(logger, outcome.Key.Value, outcome.Detail);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} asks for time zone {Configured}, unknown here; its digest uses {Used}")]
    private static partial void TimeZoneFallback(ILogger logger, string channelId, string configured, string used);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key}: attempt {AttemptId} had an unknown outcome; now {State}: {Reason}")]
    private static partial void Resolved(ILogger logger, string key, Guid? attemptId, OutboxState state, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned digest {Key} with {Count} accounts")]
    private static partial void Planned(ILogger logger, string key, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Week {Key} settled without a digest")]
    private static partial void Settled(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent digest {Key} (attempt {Attempts})")]
    private static partial void Sent(ILogger logger, string key, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} attempt {Attempts} failed for now; retrying at {NextAttemptAt}: {Reason}")]
    private static partial void Retrying(ILogger logger, string key, int attempts, DateTimeOffset? nextAttemptAt, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Key} failed for good after {Attempts} attempts: {Reason}")]
    private static partial void Failed(ILogger logger, string key, int attempts, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Key} dropped: {Reason}")]
    private static partial void Superseded(ILogger logger, string key, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} has an unknown outcome, resolved by a later run: {Reason}")]
    private static partial void Unknown(ILogger logger, string key, string? reason);
}
