namespace AccountBot.Core.Reminders;

/// <summary>The result of one <see cref="ReminderRunner.RunAsync"/>.</summary>
/// <param name="Planned">Digests newly stored in the outbox by this run.</param>
/// <param name="Settled">Weeks newly recorded as done without a message.</param>
/// <param name="Recovered">
/// Attempts in doubt (left in <see cref="OutboxState.Sending"/> by a process that died mid-call, or by a call that
/// timed out) that this run resolved: <see cref="OutboxState.Sent"/> when the platform's
/// <see cref="IDigestDeliveryCheck"/> found the message, <see cref="OutboxState.Pending"/> to send again,
/// <see cref="OutboxState.Sending"/> when the platform could not be asked yet, or <see cref="OutboxState.Failed"/>.
/// </param>
/// <param name="Outcomes">Every digest this run tried to send (or found impossible to send), in key order.</param>
/// <param name="NextOccurrence">The earliest scheduled occurrence after the run over all workspaces.</param>
/// <param name="NextRetryAt">The earliest time a pending digest is due again, or an attempt in doubt can be resolved.</param>
public sealed record ReminderRunReport(
    IReadOnlyList<PlannedDigest> Planned,
    IReadOnlyList<DigestKey> Settled,
    IReadOnlyList<OutboxEntry> Recovered,
    IReadOnlyList<DigestOutcome> Outcomes,
    IReadOnlyList<TimeZoneFallback> TimeZoneFallbacks,
    DateTimeOffset? NextOccurrence,
    DateTimeOffset? NextRetryAt)
{
    /// <summary>When the scheduler must run again at the latest (before any poll cap): the next occurrence or retry.</summary>
    public DateTimeOffset? NextDueAt => (NextOccurrence, NextRetryAt) switch
    {
        ({ } occurrence, { } retry) => occurrence < retry ? occurrence : retry,
        ({ } occurrence, null) => occurrence,
        (null, var retry) => retry,
    };

    /// <summary>The nudges this run added to the outbox (each is sent, and reported, with the digests' outcomes).</summary>
    public IReadOnlyList<Nudges.PlannedNudge> Nudges { get; init; } = [];
}
