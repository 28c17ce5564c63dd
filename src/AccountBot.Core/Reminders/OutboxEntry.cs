namespace AccountBot.Core.Reminders;

/// <summary>
/// One digest in the outbox, keyed by <see cref="DigestKey.Value"/> (unique: one entry per channel and week).
/// Changed only through <see cref="Abstractions.IDigestOutbox.TryUpdateAsync"/>, which checks <see cref="Revision"/>.
/// </summary>
public sealed record OutboxEntry
{
    public required DigestKey Key { get; init; }

    public required OutboxState State { get; init; }

    /// <summary>What to send, frozen when planned; null for <see cref="OutboxState.Settled"/> weeks.</summary>
    public PlannedDigest? Digest { get; init; }

    /// <summary>The direct message to send when the entry is a nudge's (<see cref="Nudges.NudgeKeys"/>), frozen when planned.</summary>
    public Nudges.PlannedNudge? Nudge { get; init; }

    /// <summary>When the entry was planned.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Attempts started so far (each recorded before the platform is called).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// Attempts the platform throttled (429). They do not count towards <see cref="ReminderDeliveryOptions.MaxAttempts"/>:
    /// being rate limited delays a digest, it does not drop it.
    /// </summary>
    public int ThrottledAttempts { get; init; }

    /// <summary>Attempts that ended in a failure, not a throttle: what <see cref="ReminderDeliveryOptions.MaxAttempts"/> bounds.</summary>
    public int FailedAttempts => Attempts - ThrottledAttempts;

    /// <summary>
    /// How often the platform could not yet be asked whether the in-doubt attempt posted its digest (see
    /// <see cref="IDigestDeliveryCheck"/>); reset when the attempt is resolved.
    /// </summary>
    public int Checks { get; init; }

    /// <summary>
    /// <see cref="OutboxState.Pending"/>: when the entry is due (now when planned; later after a retryable failure).
    /// <see cref="OutboxState.Sending"/>: when an attempt in doubt (timed out, or its check failed) is looked at again.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The id of the latest attempt, recorded with <see cref="OutboxState.Sending"/> before the call.</summary>
    public Guid? AttemptId { get; init; }

    /// <summary>When the latest attempt started.</summary>
    public DateTimeOffset? AttemptStartedAt { get; init; }

    /// <summary>When the platform accepted the message.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The platform's id of the posted message, when the sender gave one.</summary>
    public string? MessageId { get; init; }

    /// <summary>Why the latest attempt failed (retryable or not).</summary>
    public string? LastError { get; init; }

    /// <summary>Optimistic-concurrency counter; the store bumps it on every update.</summary>
    public int Revision { get; init; }

    public bool IsFinal => State is not (OutboxState.Pending or OutboxState.Sending);
}
