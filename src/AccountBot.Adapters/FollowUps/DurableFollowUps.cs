using AccountBot.Core.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// Follow-up work that survives a crash: an adapter stores a request's <see cref="FollowUpStep"/>s
/// (<see cref="StoreAsync"/>) before it acks, and queues them (<see cref="EnqueueAsync"/>) after. They run on the
/// <see cref="FollowUpQueue"/> like any follow-up work (in order, a throttled step retried on its own, drained on
/// SIGTERM), and each sent step is recorded, so what a crash or a stop interrupts is sent, from the first step not yet
/// sent, by <see cref="FollowUpRecovery"/> once its lease has run out (after a restart, or by another instance).
/// Without an <see cref="IFollowUpOutbox"/> (test hosts without storage) the steps run in memory only.
/// </summary>
public sealed partial class DurableFollowUps(
    FollowUpQueue queue,
    FollowUpOptions options,
    TimeProvider time,
    IServiceScopeFactory scopes,
    ILogger<DurableFollowUps> logger,
    IFollowUpOutbox? outbox = null)
{
    /// <summary>This process's name on its claims: unique per start, so a restarted process never mistakes a dead one's claims for its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Whether steps are kept in a database (false: in memory only, nothing to recover).</summary>
    public bool IsStored => outbox is not null;

    /// <summary>Keeps <paramref name="steps"/> (claimed by this process); call before the ack, so an acked promise is on disk.</summary>
    /// <returns>The stored item, or null for no steps.</returns>
    public async Task<StoredFollowUp?> StoreAsync(IReadOnlyList<FollowUpStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
            return null;
        var now = time.GetUtcNow();
        var item = new StoredFollowUp { Id = Guid.NewGuid(), Steps = [.. steps], CreatedAt = now, Owner = Owner, LeaseUntil = now + options.Lease };
        if (outbox is not null)
            await outbox.AddAsync(item, cancellationToken);
        return item;
    }

    /// <summary>Queues a stored item to be sent; false only when the host is stopping (it stays stored for the next start).</summary>
    public ValueTask<bool> EnqueueAsync(StoredFollowUp item, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(item);
        return queue.EnqueueAsync(Work(item), stopping);
    }

    /// <summary>Claims the items whose lease ran out (a dead or stopped instance's) and queues them; returns how many.</summary>
    public async Task<int> RecoverAsync(CancellationToken stopping)
    {
        if (outbox is null)
            return 0;
        var total = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var claimed = await outbox.ClaimExpiredAsync(Owner, now, now + options.Lease, RecoveryBatch, stopping);
            foreach (var item in claimed)
                await EnqueueAsync(item, stopping);
            total += claimed.Count;
            if (claimed.Count < RecoveryBatch)
                break;
        }

        if (total > 0)
            Log.Recovered(logger, total);
        return total;
    }

    /// <summary>Lets another instance take over at once what this one still holds (called after the drain).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (outbox is null)
            return;
        var released = await outbox.ReleaseAsync(Owner, time.GetUtcNow(), cancellationToken);
        if (released > 0)
            Log.Released(logger, released);
    }

    /// <summary>Items claimed per round trip; a full batch is followed by another.</summary>
    private const int RecoveryBatch = 100;

    private Func<CancellationToken, Task> Work(StoredFollowUp item)
    {
        // One run at a time (see FollowUpQueue.EnqueueAsync): a retry resumes at the step that failed.
        var next = item.Next;
        var lease = item.LeaseUntil;
        return async ct =>
        {
            var now = time.GetUtcNow();
            if (now - item.CreatedAt > FollowUpQueue.MaxAge)
            {
                Log.TooOld(logger, item.Id, FollowUpQueue.MaxAge);
                await CompleteAsync(item, ct);
                return;
            }

            // It waited in the queue, or out a Retry-After: renew before sending, and leave it if another instance took it over.
            if (outbox is not null && lease - now < options.Lease / 2)
            {
                if (!await outbox.RenewAsync(item.Id, Owner, now + options.Lease, ct))
                {
                    Log.TakenOver(logger, item.Id);
                    return;
                }

                lease = now + options.Lease;
            }

            // A send slower than the lease (a slow peer, a cold start) must not let another instance send it too.
            using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var heart = HeartbeatAsync(item.Id, beat.Token);
            try
            {
                for (; next < item.Steps.Count; next++)
                {
                    await SendAsync(item.Steps[next], ct);
                    if (next + 1 < item.Steps.Count && outbox is not null && !await outbox.AdvanceAsync(item.Id, Owner, next + 1, ct))
                    {
                        Log.TakenOver(logger, item.Id);
                        return;
                    }
                }
            }
            catch (FollowUpRetryException retry)
            {
                // The claim must outlast the wait, or another instance would send the step too (heartbeat stopped first,
                // so that its shorter renewal cannot come after this one).
                await beat.CancelAsync();
                await heart;
                var until = time.GetUtcNow() + retry.RetryAfter + options.Lease;
                if (outbox is not null && await outbox.RenewAsync(item.Id, Owner, until, CancellationToken.None))
                    lease = until;
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Not transient (the sender already told the user or logged what it could): sending it again cannot help.
                await CompleteAsync(item, CancellationToken.None);
                throw;
            }
            finally
            {
                await beat.CancelAsync();
                await heart;
            }

            // (Cancelled, stopping past the drain timeout, it is not completed: it stays stored for the next start.)
            await CompleteAsync(item, ct);
        };
    }

    /// <summary>Renews the claim every third of a lease while the item's steps are being sent.</summary>
    private async Task HeartbeatAsync(Guid id, CancellationToken sending)
    {
        if (outbox is null)
            return;
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, time, sending);
                if (!await outbox.RenewAsync(id, Owner, time.GetUtcNow() + options.Lease, sending))
                    return;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Sent (or stopping); a failed renewal is left to the next one, or to the lease.
        }
    }

    private async Task SendAsync(FollowUpStep step, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredKeyedService<IFollowUpSender>(step.Kind);
        await sender.SendAsync(step.Payload, cancellationToken);
    }

    private Task CompleteAsync(StoredFollowUp item, CancellationToken cancellationToken) =>
        outbox?.CompleteAsync(item.Id, Owner, cancellationToken) ?? Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(9010, LogLevel.Information, "{Count} stored follow-up item(s) claimed to be sent (left by a stopped or crashed instance)")]
        public static partial void Recovered(ILogger logger, int count);

        [LoggerMessage(9011, LogLevel.Information, "{Count} unsent follow-up item(s) released for the next start or another instance")]
        public static partial void Released(ILogger logger, int count);

        [LoggerMessage(9012, LogLevel.Warning, "Follow-up item {Id} was taken over by another instance; this one leaves it")]
        public static partial void TakenOver(ILogger logger, Guid id);

        [LoggerMessage(9013, LogLevel.Error, "Follow-up item {Id} dropped: still not sent after {MaxAge}")]
        public static partial void TooOld(ILogger logger, Guid id, TimeSpan maxAge);
    }
}
