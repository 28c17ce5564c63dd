namespace AccountBot.Core.Reminders;

/// <summary>What a run at <see cref="At"/> would do, computed without sending or writing anything.</summary>
/// <param name="Digests">Digests that would be sent, by workspace then channel.</param>
/// <param name="Settled">Due weeks that would be recorded as done without a message.</param>
/// <param name="Pending">
/// Digests already in the outbox and not finished: <see cref="OutboxState.Pending"/> (due, or waiting for a retry) and
/// <see cref="OutboxState.Sending"/> (an attempt in doubt, waiting to be resolved).
/// </param>
public sealed record ReminderPreview(
    DateTimeOffset At,
    IReadOnlyList<PlannedDigest> Digests,
    IReadOnlyList<DigestKey> Settled,
    IReadOnlyList<OutboxEntry> Pending,
    IReadOnlyList<TimeZoneFallback> TimeZoneFallbacks)
{
    /// <summary>The due-steps nudges a run would add (event nudges are queued when the change is saved: see <see cref="Pending"/>).</summary>
    public IReadOnlyList<Nudges.PlannedNudge> Nudges { get; init; } = [];

    /// <summary>Per nudge key, why that nudge would be skipped (e.g. no Teams address is known for the person).</summary>
    public IReadOnlyDictionary<string, string> Unreachable { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
