using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// Wraps a real outbox and throws <see cref="SimulatedCrashException"/> once, at a <see cref="CrashPoint"/>: what was
/// written before the crash stays written, nothing after it happens. Restart by building a new runner over the
/// inner outbox (or the same database file).
/// </summary>
public sealed class CrashingDigestOutbox(IDigestOutbox inner, CrashPoint crashAt) : IDigestOutbox
{
    private int crashed;

    public bool Crashed => Volatile.Read(ref crashed) == 1;

    public async Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfDead();
        if (crashAt == CrashPoint.AfterPlanning)
        {
            Crash();
        }

        var added = await inner.TryAddAsync(entry, cancellationToken);
        if (crashAt == CrashPoint.AfterEnqueue && added && entry.State == OutboxState.Pending)
        {
            Crash();
        }

        return added;
    }

    public Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfDead();
        if (crashAt == CrashPoint.AfterSendReturned && await RecordsAnswerAsync(entry, cancellationToken))
        {
            Crash();
        }

        var stored = await inner.TryUpdateAsync(entry, cancellationToken);
        if (stored is not null
            && ((crashAt == CrashPoint.AfterMarkingSending && entry.State == OutboxState.Sending)
                || (crashAt == CrashPoint.AfterMarkingSent && entry.State == OutboxState.Sent)))
        {
            Crash();
        }

        return stored;
    }

    public Task<IReadOnlySet<string>> ListKeysAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        inner.ListKeysAsync(workspace, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListByStateAsync(OutboxState state, CancellationToken cancellationToken) =>
        inner.ListByStateAsync(state, cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        ThrowIfDead();
        return inner.PruneAsync(before, cancellationToken);
    }

    /// <summary>
    /// Whether the write records what the platform answered: a final or retry state after an attempt, or an attempt
    /// left in doubt (a timeout), which keeps the stored attempt's id but is not the write that claimed it.
    /// </summary>
    private async Task<bool> RecordsAnswerAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.AttemptId is null)
        {
            return false;
        }

        if (entry.State is OutboxState.Sent or OutboxState.Pending or OutboxState.Failed)
        {
            return true;
        }

        return entry.State == OutboxState.Sending
            && await inner.GetAsync(entry.Key, cancellationToken) is { State: OutboxState.Sending } stored
            && stored.AttemptId == entry.AttemptId;
    }

    private void Crash()
    {
        if (Interlocked.Exchange(ref crashed, 1) == 0)
        {
            throw new SimulatedCrashException($"Simulated crash {crashAt}.");
        }
    }

    // A dead process writes nothing more.
    private void ThrowIfDead()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException($"The process crashed {crashAt}.");
        }
    }
}
