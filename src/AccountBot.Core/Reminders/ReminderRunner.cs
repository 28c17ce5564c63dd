using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Nudges;
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
public sealed partial class ReminderRunner
{
    private readonly IAccountMapStore maps;
    private readonly IChannelSettingsStore settings;
    private readonly IDigestOutbox outbox;
    private readonly ReminderPlanner planner;
    private readonly ReminderDeliveryOptions options;
    private readonly TimeProvider time;
    private readonly Dictionary<Platform, IDigestSender> senders = [];
    private readonly Dictionary<Platform, IDigestDeliveryCheck> checks = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly BotMetrics? metrics;
    private readonly NudgeDelivery? nudges;

    public ReminderRunner(
        IAccountMapStore maps,
        IChannelSettingsStore settings,
        IDigestOutbox outbox,
        IEnumerable<IDigestSender> senders,
        ReminderPlanner planner,
        ReminderDeliveryOptions options,
        TimeProvider time,
        IEnumerable<IDigestDeliveryCheck>? checks = null,
        BotMetrics? metrics = null,
        NudgeDelivery? nudges = null)
    {
        this.metrics = metrics;
        this.nudges = nudges;
        ArgumentNullException.ThrowIfNull(senders);
        this.maps = maps ?? throw new ArgumentNullException(nameof(maps));
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
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
            var plannedNudges = new List<PlannedNudge>();
            var settled = new List<DigestKey>();
            var fallbacks = new List<TimeZoneFallback>();
            DateTimeOffset? nextOccurrence = null;
            foreach (var workspace in await maps.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false))
            {
                var (plan, nudgePlan) = await PlanAsync(workspace, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                nextOccurrence = Earliest(nextOccurrence, plan.NextOccurrence);
                foreach (var nudge in nudgePlan.Where(n => Matches(n.Key, channelId)))
                {
                    if (await outbox.TryAddAsync(PendingEntry(nudge), cancellationToken).ConfigureAwait(false))
                    {
                        plannedNudges.Add(nudge);
                    }
                }

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

            if (nudges is not null && channelId is null)
            {
                nextOccurrence = Earliest(nextOccurrence, NudgeDelivery.NextTick(time.GetUtcNow()));
            }

            var report = new ReminderRunReport(planned, settled, recovered, outcomes, fallbacks, nextOccurrence, nextRetry) { Nudges = plannedNudges };
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
        var plannedNudges = new List<PlannedNudge>();
        var settled = new List<DigestKey>();
        var fallbacks = new List<TimeZoneFallback>();
        foreach (var workspace in (await maps.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false)).OrderBy(w => w.Value, StringComparer.Ordinal))
        {
            var (plan, nudgePlan) = await PlanAsync(workspace, at, cancellationToken).ConfigureAwait(false);
            digests.AddRange(plan.Digests);
            plannedNudges.AddRange(nudgePlan);
            settled.AddRange(plan.Settled);
            fallbacks.AddRange(plan.TimeZoneFallbacks);
        }

        var pending = await outbox.ListByStateAsync(OutboxState.Pending, cancellationToken).ConfigureAwait(false);
        var inDoubt = (await outbox.ListByStateAsync(OutboxState.Sending, cancellationToken).ConfigureAwait(false))
            .Select(e => e with { NextAttemptAt = ResolveAt(e) });
        var unreachable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var nudge in plannedNudges)
        {
            if (nudges is not null && await nudges.UnreachableAsync(nudge, cancellationToken).ConfigureAwait(false) is { } why)
            {
                unreachable[nudge.Key.Value] = why;
            }
        }

        return new ReminderPreview(at, digests, settled, [.. pending, .. inDoubt], fallbacks) { Nudges = plannedNudges, Unreachable = unreachable };
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

    private async Task<(ReminderPlan Digests, IReadOnlyList<PlannedNudge> Nudges)> PlanAsync(WorkspaceKey workspace, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var workspaceMaps = await maps.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        var channelSettings = await settings.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        var done = await outbox.ListKeysAsync(workspace, cancellationToken).ConfigureAwait(false);
        var latest = LatestWeekByChannel(done);

        // A week older than one the channel already has in the outbox is done too: the channel had (or will have) a
        // later digest, and the older week's own entry may have been pruned.
        bool IsDone(DigestKey key) => done.Contains(key.Value) || (latest.TryGetValue(key.ChannelId, out var week) && string.CompareOrdinal(key.Week, week) < 0);
        var plan = planner.Plan(workspace, workspaceMaps, channelSettings, IsDone, at);
        IReadOnlyList<PlannedNudge> planned = nudges is null
            ? []
            : await nudges.PlanAsync(workspace, workspaceMaps, channelSettings, IsDone, at, cancellationToken).ConfigureAwait(false);
        return (plan, planned);
    }

    private OutboxEntry PendingEntry(PlannedDigest digest)
    {
        var now = time.GetUtcNow();
        return new OutboxEntry { Key = digest.Key, State = OutboxState.Pending, Digest = digest, CreatedAt = now, UpdatedAt = now, NextAttemptAt = now };
    }

    private OutboxEntry PendingEntry(PlannedNudge nudge)
    {
        var now = time.GetUtcNow();
        return new OutboxEntry { Key = nudge.Key, State = OutboxState.Pending, Nudge = nudge, CreatedAt = now, UpdatedAt = now, NextAttemptAt = now };
    }

    private OutboxEntry SettledEntry(DigestKey key)
    {
        var now = time.GetUtcNow();
        return new OutboxEntry { Key = key, State = OutboxState.Settled, CreatedAt = now, UpdatedAt = now };
    }
}
