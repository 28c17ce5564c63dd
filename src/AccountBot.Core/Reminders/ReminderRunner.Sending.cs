using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Nudges;
using AccountBot.Core.Telemetry;

namespace AccountBot.Core.Reminders;

/// <summary>Delivery: due entries are claimed, sent through their platform's <see cref="IDigestSender"/>, and recorded.</summary>
public sealed partial class ReminderRunner
{
    private async Task<IReadOnlyList<DigestOutcome>> SendDueAsync(string? channelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = (await outbox.ListByStateAsync(OutboxState.Pending, cancellationToken).ConfigureAwait(false))
            .Where(e => Matches(e.Key, channelId) && (e.NextAttemptAt is null || e.NextAttemptAt <= now))
            .ToList();
        var outcomes = new List<DigestOutcome>();
        var latestWeeks = new Dictionary<WorkspaceKey, Dictionary<string, string>>();
        foreach (var entry in due.ToList())
        {
            if (!latestWeeks.TryGetValue(entry.Key.Workspace, out var latest))
            {
                latest = LatestWeekByChannel(await outbox.ListKeysAsync(entry.Key.Workspace, cancellationToken).ConfigureAwait(false));
                latestWeeks.Add(entry.Key.Workspace, latest);
            }

            // ISO weeks (yyyy-Www) sort as text.
            if (string.CompareOrdinal(latest[entry.Key.ChannelId], entry.Key.Week) > 0)
            {
                due.Remove(entry);
                var superseded = entry with
                {
                    State = OutboxState.Superseded,
                    UpdatedAt = now,
                    NextAttemptAt = null,
                    LastError = $"Not sent before week {latest[entry.Key.ChannelId]}'s digest was planned; that one is sent instead.",
                };
                if (await outbox.TryUpdateAsync(superseded, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    outcomes.Add(Outcome(stored, stored.LastError));
                }
            }
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSends, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (await SendAsync(entry, token).ConfigureAwait(false) is { } outcome)
                {
                    lock (outcomes)
                    {
                        outcomes.Add(outcome);
                    }
                }
            }).ConfigureAwait(false);
        return [.. outcomes.OrderBy(o => o.Key.Value, StringComparer.Ordinal)];
    }

    /// <summary>One attempt at one entry; null when another attempt claimed it first.</summary>
    private async Task<DigestOutcome?> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var key = entry.Key;
        Func<CancellationToken, Task<DeliveryResult>>? send = null;
        if (entry.Nudge is { } nudge)
        {
            if (nudges?.SenderFor(key.Workspace.Platform) is { } nudgeSender)
            {
                send = token => nudgeSender.SendAsync(nudge, token);
            }
        }
        else if (entry.Digest is not { } digest)
        {
            return await FailAsync(entry, "The outbox entry holds no digest.", cancellationToken).ConfigureAwait(false);
        }
        else if (senders.TryGetValue(key.Workspace.Platform, out var sender))
        {
            send = token => sender.SendAsync(digest, token);
        }

        if (send is null)
        {
            var kind = entry.Nudge is null ? "digest" : "nudge";
            return await FailAsync(entry, $"No {kind} sender is registered for {key.Workspace.Platform}.", cancellationToken).ConfigureAwait(false);
        }

        var start = time.GetUtcNow();
        var claim = entry with
        {
            State = OutboxState.Sending,
            Attempts = entry.Attempts + 1,
            AttemptId = Guid.NewGuid(),
            AttemptStartedAt = start,
            UpdatedAt = start,
        };
        if (await outbox.TryUpdateAsync(claim, cancellationToken).ConfigureAwait(false) is not { } sending)
        {
            return null;
        }

        DeliveryResult result;
        using (var timeout = new CancellationTokenSource(options.SendTimeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                result = await send(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down mid-call: the entry stays Sending and a later run resolves it.
                throw;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                result = DeliveryResult.Unknown($"The sender did not answer within {options.SendTimeout}; the platform may have posted it.");
            }
#pragma warning disable CA1031 // The port promises not to throw for delivery problems; a throw is a sender bug, retried like a 5xx.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = DeliveryResult.RetryLater($"The sender failed: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return result.Status switch
        {
            DeliveryStatus.Delivered => await SentAsync(sending, result.Detail, cancellationToken).ConfigureAwait(false),
            DeliveryStatus.Unknown => await InDoubtAsync(sending, result.Detail ?? "No answer from the platform.", cancellationToken).ConfigureAwait(false),
            DeliveryStatus.RetryLater when !result.Throttled && sending.FailedAttempts >= options.MaxAttempts => await FailAsync(
                sending, $"Gave up after {sending.Attempts} attempts: {result.Detail}", cancellationToken).ConfigureAwait(false),
            DeliveryStatus.RetryLater => await RetryAsync(sending, result, cancellationToken).ConfigureAwait(false),
            _ => await FailAsync(sending, result.Detail ?? "The platform refused the message.", cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<DigestOutcome?> SentAsync(OutboxEntry sending, string? messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = sending with { State = OutboxState.Sent, SentAt = now, UpdatedAt = now, MessageId = messageId, NextAttemptAt = null, LastError = null };
        var stored = await outbox.TryUpdateAsync(sent, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await ClearFailureAsync(sending.Key, cancellationToken).ConfigureAwait(false);
        return Outcome(stored, messageId);
    }

    /// <summary>The channel works again: stop showing an old failure in <c>map settings</c>.</summary>
    private async Task ClearFailureAsync(DigestKey key, CancellationToken cancellationToken)
    {
        if (NudgeKeys.IsNudge(key))
        {
            return;
        }

        var channel = await settings.GetAsync(key.Workspace, key.ChannelId, cancellationToken).ConfigureAwait(false);
        if (channel?.LastFailure is not null)
        {
            await settings.SetLastFailureAsync(key.Workspace, key.ChannelId, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DigestOutcome?> RetryAsync(OutboxEntry sending, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var throttled = sending.ThrottledAttempts + (result.Throttled ? 1 : 0);
        var retry = sending with
        {
            State = OutboxState.Pending,
            UpdatedAt = now,
            ThrottledAttempts = throttled,

            // A throttle backs off on its own count, so a rate-limit storm does not push later failures' delays up.
            NextAttemptAt = now + options.RetryDelay(result.Throttled ? throttled : sending.Attempts - throttled, result.RetryAfter),
            LastError = result.Detail,
        };
        return await outbox.TryUpdateAsync(retry, cancellationToken).ConfigureAwait(false) is { } stored ? Outcome(stored, result.Detail) : null;
    }

    /// <summary>
    /// The attempt may or may not have posted the digest: it stays <see cref="OutboxState.Sending"/> and a later run
    /// resolves it, after a backoff that gives a slow platform time to finish what it was doing.
    /// </summary>
    private async Task<DigestOutcome?> InDoubtAsync(OutboxEntry sending, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var doubt = sending with { UpdatedAt = now, NextAttemptAt = now + options.RetryDelay(sending.FailedAttempts, null), LastError = reason };
        return await outbox.TryUpdateAsync(doubt, cancellationToken).ConfigureAwait(false) is { } stored ? Outcome(stored, reason) : null;
    }

    /// <summary>Records a permanent failure on the entry, then on the channel so that <c>map settings</c> shows it.</summary>
    private async Task<DigestOutcome?> FailAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failed = entry with { State = OutboxState.Failed, UpdatedAt = now, NextAttemptAt = null, LastError = reason };
        if (await outbox.TryUpdateAsync(failed, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        // A nudge's key names a person, not a channel: its failure stays on the entry (reminders preview shows it).
        if (!NudgeKeys.IsNudge(entry.Key))
        {
            await settings.SetLastFailureAsync(entry.Key.Workspace, entry.Key.ChannelId, new DeliveryFailure(now, reason), cancellationToken).ConfigureAwait(false);
        }

        return Outcome(stored, reason);
    }

    private DigestOutcome Outcome(OutboxEntry entry, string? detail) => new(
        entry.Key,
        entry.Digest?.Channel.Name,
        entry.State,
        entry.Attempts,
        detail,
        entry.State switch
        {
            OutboxState.Pending => entry.NextAttemptAt,
            OutboxState.Sending => ResolveAt(entry),
            _ => null,
        });
}
