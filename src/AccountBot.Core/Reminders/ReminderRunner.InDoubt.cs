using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Nudges;
using AccountBot.Core.Telemetry;

namespace AccountBot.Core.Reminders;

/// <summary>Recovery: attempts left in <see cref="OutboxState.Sending"/> are checked with the platform and settled.</summary>
public sealed partial class ReminderRunner
{
    /// <summary>
    /// When an attempt in doubt may be resolved: not before <see cref="ReminderDeliveryOptions.SendTimeout"/> after it
    /// started (no runner waits on a call longer, so by then none can still be in it, whichever process started it),
    /// nor before the time a timeout or an unanswered check set.
    /// </summary>
    private DateTimeOffset ResolveAt(OutboxEntry entry)
    {
        var orphaned = (entry.AttemptStartedAt ?? entry.UpdatedAt) + options.SendTimeout;
        return entry.NextAttemptAt is { } next && next > orphaned ? next : orphaned;
    }

    private async Task<IReadOnlyList<OutboxEntry>> ResolveInDoubtAsync(string? channelId, CancellationToken cancellationToken)
    {
        var resolved = new List<OutboxEntry>();
        foreach (var entry in await outbox.ListByStateAsync(OutboxState.Sending, cancellationToken).ConfigureAwait(false))
        {
            if (!Matches(entry.Key, channelId) || ResolveAt(entry) > time.GetUtcNow())
            {
                continue;
            }

            var check = await CheckAsync(entry, cancellationToken).ConfigureAwait(false);
            var stored = await outbox.TryUpdateAsync(Resolve(entry, check, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue;
            }

            resolved.Add(stored);
            if (stored.State == OutboxState.Sent)
            {
                await ClearFailureAsync(stored.Key, cancellationToken).ConfigureAwait(false);
            }
            else if (stored.State == OutboxState.Failed && !NudgeKeys.IsNudge(stored.Key))
            {
                await settings.SetLastFailureAsync(stored.Key.Workspace, stored.Key.ChannelId, new DeliveryFailure(stored.UpdatedAt, stored.LastError!), cancellationToken).ConfigureAwait(false);
            }
        }

        return resolved;
    }

    private OutboxEntry Resolve(OutboxEntry entry, DeliveryCheckResult check, DateTimeOffset now)
    {
        switch (check.Status)
        {
            case DeliveryCheckStatus.Posted:
                return entry with
                {
                    State = OutboxState.Sent,
                    SentAt = now,
                    UpdatedAt = now,
                    MessageId = check.MessageId ?? entry.MessageId,
                    NextAttemptAt = null,
                    Checks = 0,
                    LastError = null,
                };
            case DeliveryCheckStatus.TryLater when entry.Checks + 1 < options.MaxAttempts:
                return entry with
                {
                    Checks = entry.Checks + 1,
                    UpdatedAt = now,
                    NextAttemptAt = now + options.RetryDelay(entry.Checks + 1, null),
                    LastError = $"Could not yet ask the platform whether the interrupted attempt was posted ({check.Detail}); asking again later.",
                };
            case DeliveryCheckStatus.NotPosted:
            case var _ when entry.FailedAttempts < options.MaxAttempts:
                return entry with
                {
                    State = OutboxState.Pending,
                    UpdatedAt = now,
                    NextAttemptAt = now,
                    Checks = 0,
                    LastError = check.Status == DeliveryCheckStatus.NotPosted
                        ? "The attempt was interrupted and the platform confirms the digest was not posted; sending again."
                        : $"The attempt was interrupted and whether it was posted is unknown ({check.Detail}); sending again, as a lost digest is worse than a rare duplicate.",
                };
            default:
                return entry with
                {
                    State = OutboxState.Failed,
                    UpdatedAt = now,
                    NextAttemptAt = null,
                    Checks = 0,
                    LastError = $"Gave up after {entry.Attempts} attempts whose outcome stayed unknown ({check.Detail}).",
                };
        }
    }

    private async Task<DeliveryCheckResult> CheckAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        // A nudge's direct message is never looked up: it is sent again, as on a platform that cannot tell.
        if (NudgeKeys.IsNudge(entry.Key) || !checks.TryGetValue(entry.Key.Workspace.Platform, out var check))
        {
            return DeliveryCheckResult.CannotTell($"{entry.Key.Workspace.Platform} cannot say which messages a channel has");
        }

        try
        {
            return await check.CheckAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The port promises not to throw for platform problems; a throw is a bug, treated as "ask again later".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return DeliveryCheckResult.TryLater($"the check failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
