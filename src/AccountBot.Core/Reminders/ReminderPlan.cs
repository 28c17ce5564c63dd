namespace AccountBot.Core.Reminders;

/// <summary>The result of one planning run over a workspace.</summary>
/// <param name="Digests">Digests to enqueue in the outbox under their <see cref="PlannedDigest.Key"/>, by channel id.</param>
/// <param name="Settled">
/// Keys of due weeks that need no message (reminders off, or nothing to report). Record them as done
/// too, so that a gap appearing later in the week does not send that week's digest mid-week.
/// </param>
/// <param name="TimeZoneFallbacks">Channels whose time zone is unknown: worth a warning in the log.</param>
/// <param name="NextOccurrence">The earliest scheduled occurrence after now over the enabled channels: when to plan again at the latest.</param>
public sealed record ReminderPlan(
    IReadOnlyList<PlannedDigest> Digests,
    IReadOnlyList<DigestKey> Settled,
    IReadOnlyList<TimeZoneFallback> TimeZoneFallbacks,
    DateTimeOffset? NextOccurrence);
