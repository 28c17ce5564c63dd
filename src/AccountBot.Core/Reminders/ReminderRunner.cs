using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;
using AccountBot.Core.Telemetry;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Plans, stores and sends the weekly digests of every workspace through the outbox, so each channel gets each
/// week's digest exactly once across crashes, restarts and failed sends. Platform-neutral: the platforms come in
/// as <see cref="IDigestSender"/>s. Runs never overlap (a second caller waits for the first).
/// </summary>
/// <remarks>
/// <para>One run: (1) attempts in doubt (left in <see cref="OutboxState.Sending"/> by a process that died mid-call, or
/// by a call that timed out) are resolved; (2) the planner runs per workspace against the outbox's keys, and its
/// digests are added as <see cref="OutboxState.Pending"/> and its settled weeks as <see cref="OutboxState.Settled"/>
/// (the key is unique, so planning twice adds nothing); (3) due pending entries are sent, a few at a time.</para>
/// <para>Each send is recorded as <see cref="OutboxState.Sending"/> with a new attempt id before the platform is
/// called, and its result after. If the result never gets recorded, the platform may or may not have posted the
/// digest. Such an attempt is resolved only once no runner can still be in that call (its start plus
/// <see cref="ReminderDeliveryOptions.SendTimeout"/>, after which every call is cancelled): the platform's
/// <see cref="IDigestDeliveryCheck"/> says whether the message is there (Slack: message metadata), and when the
/// platform cannot tell (Teams), the digest is sent again. A lost digest is silent for a week; a duplicate needs a
/// crash or timeout in the moment between the platform accepting the message and the outbox recording it.</para>
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
    private readonly BotMetrics? metrics;

    public ReminderRunner(
        IAccountMapStore maps,
        IChannelSettingsStore settings,
        IConversationStore conversations,
        IDigestOutbox outbox,
        IEnumerable<IDigestSender> senders,
        ReminderPlanner planner,
        ReminderDeliveryOptions options,
        TimeProvider time,
        IEnumerable<IDigestDeliveryCheck>? checks = null,
        BotMetrics? metrics = null)
    {
        this.metrics = metrics;
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
            var recovered = await ResolveInDoubtAsync(channelId, cancellationToken).ConfigureAwait(false);
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
            DateTimeOffset? nextRetry = null;
            foreach (var entry in (await outbox.ListByStateAsync(OutboxState.Pending, cancellationToken).ConfigureAwait(false)).Where(e => Matches(e.Key, channelId)))
            {
                nextRetry = Earliest(nextRetry, entry.NextAttemptAt);
            }

            foreach (var entry in (await outbox.ListByStateAsync(OutboxState.Sending, cancellationToken).ConfigureAwait(false)).Where(e => Matches(e.Key, channelId)))
            {
                nextRetry = Earliest(nextRetry, ResolveAt(entry));
            }

            var report = new ReminderRunReport(planned, settled, recovered, outcomes, fallbacks, nextOccurrence, nextRetry);
            metrics?.DigestRun(report);
            return report;
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
        var inDoubt = (await outbox.ListByStateAsync(OutboxState.Sending, cancellationToken).ConfigureAwait(false))
            .Select(e => e with { NextAttemptAt = ResolveAt(e) });
        return new ReminderPreview(at, digests, settled, [.. pending, .. inDoubt], fallbacks);
    }

    /// <summary>
    /// Removes final outbox entries last changed before <paramref name="before"/>, keeping each channel's latest week
    /// (see <see cref="IDigestOutbox.PruneAsync"/>). Waits for a running run, so a plan never sees half a prune.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await outbox.PruneAsync(before, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
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
        var latest = LatestWeekByChannel(done);

        // A week older than one the channel already has in the outbox is done too: the channel had (or will have) a
        // later digest, and the older week's own entry may have been pruned.
        return planner.Plan(
            workspace,
            workspaceMaps,
            channelSettings,
            key => done.Contains(key.Value) || (latest.TryGetValue(key.ChannelId, out var week) && string.CompareOrdinal(key.Week, week) < 0),
            at);
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
            else if (stored.State == OutboxState.Failed)
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
        if (!checks.TryGetValue(entry.Key.Workspace.Platform, out var check))
        {
            return DeliveryCheckResult.CannotTell($"{entry.Key.Workspace.Platform} cannot say which messages a channel has");
        }

        try
        {
            var address = await conversations.GetAsync(entry.Key.Workspace, entry.Key.ChannelId, cancellationToken).ConfigureAwait(false);
            return await check.CheckAsync(entry, address, cancellationToken).ConfigureAwait(false);
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

        await settings.SetLastFailureAsync(entry.Key.Workspace, entry.Key.ChannelId, new DeliveryFailure(now, reason), cancellationToken).ConfigureAwait(false);
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
