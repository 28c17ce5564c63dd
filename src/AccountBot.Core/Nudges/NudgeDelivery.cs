using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Nudges;

/// <summary>
/// What the reminder runner needs to plan and send nudges beside the digests: the planner, the users' settings and a
/// sender per platform. Nudges share the digest outbox, its claims and its exactly-once rules.
/// </summary>
public sealed class NudgeDelivery
{
    /// <summary>How often the scheduler wakes to plan nudges: a person's reminder time may be any minute of their day.</summary>
    public static readonly TimeSpan PlanEvery = TimeSpan.FromMinutes(15);

    private readonly NudgePlanner planner;
    private readonly INotifySettingsStore notify;
    private readonly Dictionary<Platform, INudgeSender> senders = [];

    public NudgeDelivery(NudgePlanner planner, INotifySettingsStore notify, IEnumerable<INudgeSender> senders)
    {
        ArgumentNullException.ThrowIfNull(senders);
        this.planner = planner ?? throw new ArgumentNullException(nameof(planner));
        this.notify = notify ?? throw new ArgumentNullException(nameof(notify));
        foreach (var sender in senders)
        {
            this.senders[sender.Platform] = sender;
        }
    }

    public INudgeSender? SenderFor(Platform platform) => senders.GetValueOrDefault(platform);

    /// <summary>The due-steps nudges of a workspace at <paramref name="at"/> whose keys <paramref name="isDone"/> does not know.</summary>
    public async Task<IReadOnlyList<PlannedNudge>> PlanAsync(
        WorkspaceKey workspace,
        IReadOnlyList<AccountMap> maps,
        IReadOnlyList<ChannelSettings> channels,
        Func<DigestKey, bool> isDone,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        // A platform this bot cannot message directly (no sender registered) gets no due-steps nudges planned.
        if (SenderFor(workspace.Platform) is null)
        {
            return [];
        }

        var users = await notify.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
        return planner.Plan(workspace, maps, channels, users, isDone, at);
    }

    /// <summary>Why <paramref name="nudge"/> would be skipped (see <see cref="INudgeSender.UnreachableAsync"/>), or null.</summary>
    public Task<string?> UnreachableAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return SenderFor(nudge.Workspace.Platform) is { } sender ? sender.UnreachableAsync(nudge, cancellationToken) : Task.FromResult<string?>(null);
    }

    /// <summary>The next planning tick after <paramref name="now"/>: the next quarter hour.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset now)
    {
        var ticks = PlanEvery.Ticks;
        return new DateTimeOffset((now.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
    }
}
