using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Plans, stores and sends the weekly digests of every workspace through the outbox, so each channel gets each
/// week's digest exactly once across crashes, restarts and failed sends. Platform-neutral: the platforms come in
/// as <see cref="IDigestSender"/>s. Runs never overlap (a second caller waits for the first).
/// </summary>
/// <remarks>
/// <para>One run: (1) attempts left in <see cref="OutboxState.Sending"/> by an earlier process become
/// <see cref="OutboxState.DeliveredUnknown"/> (or sent / pending again when the platform's
/// <see cref="IDigestDeliveryCheck"/> can tell); (2) the planner runs per workspace against the outbox's keys,
/// and its digests are added as <see cref="OutboxState.Pending"/> and its settled weeks as
/// <see cref="OutboxState.Settled"/> (the key is unique, so planning twice adds nothing); (3) due pending
/// entries are sent, a few at a time.</para>
/// <para>Each send is recorded as <see cref="OutboxState.Sending"/> with a new attempt id before the platform is
/// called, and its result after. An attempt whose outcome is unknown (the process died mid-call, or the call
/// outlived <see cref="ReminderDeliveryOptions.SendTimeout"/>) is never repeated, because the platform may have
/// posted it, unless the platform's check confirms it was not posted. That trades a rare lost digest for never
/// posting one twice.</para>
/// </remarks>
public sealed class ReminderRunner
{
    private readonly IAccountMapStore maps;
    private readonly IChannelSettingsStore settings;
    private readonly IConversationStore conversations;
    private readonly IDigestOutbox outbox;
    private readonly ReminderPlanner planner;
    private readonly ReminderDeliveryOptions options;
    private readonly TimeProvider time;
    private readonly Dictionary<Platform, IDigestSender> senders = [];
    private readonly Dictionary<Platform, IDigestDeliveryCheck> checks = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public ReminderRunner(
        IAccountMapStore maps,
        IChannelSettingsStore settings,
        IConversationStore conversations,
        IDigestOutbox outbox,
        IEnumerable<IDigestSender> senders,
        ReminderPlanner planner,
        ReminderDeliveryOptions options,
        TimeProvider time,
        IEnumerable<IDigestDeliveryCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(senders);
        this.maps = maps ?? throw new ArgumentNullException(nameof(maps));
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.conversations = conversations ?? throw new ArgumentNullException(nameof(conversations));
        this.outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        this.planner = planner ?? throw new ArgumentNullException(nameof(planner));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        foreach (var sender in senders)
        {
            // The last registration of a platform wins, as with any DI override.
            this.senders[sender.Platform] = sender;
        }

        foreach (var check in checks ?? [])
        {
            this.checks[check.Platform] = check;
        }
    }

    /// <summary>Recovers interrupted attempts, plans every workspace now, and sends what is due.</summary>
    /// <param name="channelId">Only this channel (in any workspace): plan and send nothing else.</param>
    public async Task<ReminderRunReport> RunAsync(string? channelId, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var recovered = await RecoverInterruptedAsync(channelId, cancellationToken).ConfigureAwait(false);
            var planned = new List<PlannedDigest>();
            var settled = new List<DigestKey>();
            var fallbacks = new List<TimeZoneFallback>();
            DateTimeOffset? nextOccurrence = null;
            foreach (var workspace in await maps.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false))
            {
                var plan = await PlanAsync(workspace, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                nextOccurrence = Earliest(nextOccurrence, plan.NextOccurrence);
                fallbacks.AddRange(plan.TimeZoneFallbacks);
                foreach (var digest in plan.Digests.Where(d => Matches(d.Key, channelId)))
                {
                    if (await outbox.TryAddAsync(PendingEntry(digest), cancellationToken).ConfigureAwait(false))
                    {
                        planned.Add(digest);
                    }
                }

                foreach (var key in plan.Settled.Where(k => Matches(k, channelId)))
                {
                    if (await outbox.TryAddAsync(SettledEntry(key), cancellationToken).ConfigureAwait(false))
                    {
                        settled.Add(key);
                    }
                }
            }

            var outcomes = await SendDueAsync(channelId, cancellationToken).ConfigureAwait(false);
            var pending = await outbox.ListByStateAsync(OutboxState.Pending, cancellationToken).ConfigureAwait(false);
            DateTimeOffset? nextRetry = null;
            foreach (var entry in pending.Where(e => Matches(e.Key, channelId)))
            {
                nextRetry = Earliest(nextRetry, entry.NextAttemptAt);
            }

            return new ReminderRunReport(planned, settled, recovered, outcomes, fallbacks, nextOccurrence, nextRetry);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What a run at <paramref name="at"/> would plan, against the outbox as it is now. Writes and sends nothing.</summary>
    public async Task<ReminderPreview> PreviewAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var digests = new List<PlannedDigest>();
        var settled = new List<DigestKey>();
        var fallbacks = new List<TimeZoneFallback>();
        foreach (var workspace in (await maps.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false)).OrderBy(w => w.Value, StringComparer.Ordinal))
        {
            var plan = await PlanAsync(workspace, at, cancellationToken).ConfigureAwait(false);
            digests.AddRange(plan.Digests);
            settled.AddRange(plan.Settled);
            fallbacks.AddRange(plan.TimeZoneFallbacks);
        }

        var pending = await outbox.ListByStateAsync(OutboxState.Pending, cancellationToken).ConfigureAwait(false);
        return new ReminderPreview(at, digests, settled, pending, fallbacks);
    }

    private static bool Matches(DigestKey key, string? channelId) =>
        channelId is null || string.Equals(key.ChannelId, channelId, StringComparison.Ordinal);

    private static Dictionary<string, string> LatestWeekByChannel(IEnumerable<string> keys)
    {
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys.Select(DigestKey.Parse))
        {
            if (!latest.TryGetValue(key.ChannelId, out var week) || string.CompareOrdinal(key.Week, week) > 0)
            {
                latest[key.ChannelId] = key.Week;
            }
        }

        return latest;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private async Task<ReminderPlan> PlanAsync(WorkspaceKey workspace, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var workspaceMaps = await maps.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        var channelSettings = await settings.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        var done = await outbox.ListKeysAsync(workspace, cancellationToken).ConfigureAwait(false);
        return planner.Plan(workspace, workspaceMaps, channelSettings, key => done.Contains(key.Value), at);
    }

    private OutboxEntry PendingEntry(PlannedDigest digest)
    {
        var now = time.GetUtcNow();
        return new OutboxEntry { Key = digest.Key, State = OutboxState.Pending, Digest = digest, CreatedAt = now, UpdatedAt = now, NextAttemptAt = now };
    }

    private OutboxEntry SettledEntry(DigestKey key)
    {
        var now = time.GetUtcNow();
        return new OutboxEntry { Key = key, State = OutboxState.Settled, CreatedAt = now, UpdatedAt = now };
    }

    private async Task<IReadOnlyList<OutboxEntry>> RecoverInterruptedAsync(string? channelId, CancellationToken cancellationToken)
    {
        // Runs never overlap, so no attempt of this process is in flight: every Sending entry was left by a process
        // that stopped mid-call. The platform may have posted it; unless it says otherwise, sending it again could
        // post it twice.
        var recovered = new List<OutboxEntry>();
        foreach (var entry in await outbox.ListByStateAsync(OutboxState.Sending, cancellationToken).ConfigureAwait(false))
        {
            if (!Matches(entry.Key, channelId))
            {
                continue;
            }

            var posted = await WasPostedAsync(entry, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var resolved = posted switch
            {
                true => entry with { State = OutboxState.Sent, SentAt = now, UpdatedAt = now, LastError = null },
                false => entry with
                {
                    State = OutboxState.Pending,
                    NextAttemptAt = now,
                    UpdatedAt = now,
                    LastError = "The attempt was interrupted and the platform confirmed the digest was not posted; sending again.",
                },
                null => entry with
                {
                    State = OutboxState.DeliveredUnknown,
                    UpdatedAt = now,
                    LastError = "The attempt was interrupted before its outcome was recorded; not sent again in case the platform had posted it.",
                },
            };
            if (await outbox.TryUpdateAsync(resolved, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                recovered.Add(stored);
            }
        }

        return recovered;
    }

    private async Task<bool?> WasPostedAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!checks.TryGetValue(entry.Key.Workspace.Platform, out var check))
        {
            return null;
        }

        try
        {
            var address = await conversations.GetAsync(entry.Key.Workspace, entry.Key.ChannelId, cancellationToken).ConfigureAwait(false);
            return await check.WasPostedAsync(entry, address, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A check that fails cannot tell: the entry stays at most once.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

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
        if (entry.Digest is not { } digest)
        {
            return await FailAsync(entry, "The outbox entry holds no digest.", cancellationToken).ConfigureAwait(false);
        }

        if (!senders.TryGetValue(key.Workspace.Platform, out var sender))
        {
            return await FailAsync(entry, $"No digest sender is registered for {key.Workspace.Platform}.", cancellationToken).ConfigureAwait(false);
        }

        var address = await conversations.GetAsync(key.Workspace, key.ChannelId, cancellationToken).ConfigureAwait(false);
        if (address is null && key.Workspace.Platform == Platform.Teams)
        {
            return await FailAsync(
                entry,
                "No conversation address is stored for this channel: add the bot to the channel (or mention it there) so it can post.",
                cancellationToken).ConfigureAwait(false);
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
                result = await sender.SendAsync(digest, address, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down mid-call: the entry stays Sending and the next start records it as delivered-unknown.
                throw;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return await UnknownAsync(sending, $"The sender did not answer within {options.SendTimeout}; the platform may have posted it.", cancellationToken).ConfigureAwait(false);
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
            DeliveryStatus.RetryLater when sending.Attempts >= options.MaxAttempts => await FailAsync(
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

        // The channel works again: stop showing an old failure in map settings.
        var channel = await settings.GetAsync(sending.Key.Workspace, sending.Key.ChannelId, cancellationToken).ConfigureAwait(false);
        if (channel?.LastFailure is not null)
        {
            await settings.SetLastFailureAsync(sending.Key.Workspace, sending.Key.ChannelId, null, cancellationToken).ConfigureAwait(false);
        }

        return Outcome(stored, messageId);
    }

    private async Task<DigestOutcome?> RetryAsync(OutboxEntry sending, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retry = sending with
        {
            State = OutboxState.Pending,
            UpdatedAt = now,
            NextAttemptAt = now + options.RetryDelay(sending.Attempts, result.RetryAfter),
            LastError = result.Detail,
        };
        return await outbox.TryUpdateAsync(retry, cancellationToken).ConfigureAwait(false) is { } stored ? Outcome(stored, result.Detail) : null;
    }

    private async Task<DigestOutcome?> UnknownAsync(OutboxEntry sending, string reason, CancellationToken cancellationToken)
    {
        var unknown = sending with { State = OutboxState.DeliveredUnknown, UpdatedAt = time.GetUtcNow(), NextAttemptAt = null, LastError = reason };
        return await outbox.TryUpdateAsync(unknown, cancellationToken).ConfigureAwait(false) is { } stored ? Outcome(stored, reason) : null;
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

        await settings.SetLastFailureAsync(entry.Key.Workspace, entry.Key.ChannelId, new DeliveryFailure(now, reason), cancellationToken).ConfigureAwait(false);
        return Outcome(stored, reason);
    }

    private static DigestOutcome Outcome(OutboxEntry entry, string? detail) =>
        new(entry.Key, entry.Digest?.Channel.Name, entry.State, entry.Attempts, detail, entry.State == OutboxState.Pending ? entry.NextAttemptAt : null);
}
