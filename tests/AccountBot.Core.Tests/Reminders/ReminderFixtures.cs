using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Reminders;

/// <summary>Maps, settings and a simulated outbox for the reminder tests.</summary>
internal static class ReminderFixtures
{
    public static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    public static readonly UserRef Ana = new("U1", "Ana Rep");
    public static readonly UserRef Bo = new("U2", "Bo Seller");
    public static readonly ChannelRef Deals = new("C1", "deals");
    public static readonly ChannelRef Emea = new("C2", "emea");

    /// <summary>Monday 2 March 2026, 09:00 UTC: the default schedule's occurrence of ISO week 2026-W10.</summary>
    public static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset LongAgo = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Stakeholder Person(string name, Role roles = Role.None, int power = 3) =>
        new() { Id = Guid.NewGuid(), Name = name, Roles = roles, Power = power };

    /// <summary>A map with no gaps as long as it was reviewed recently.</summary>
    public static AccountMap Covered(string name, DateTimeOffset reviewed, params ChannelRef[] channels) =>
        Map(name, reviewed, channels) with
        {
            Stakeholders =
            [
                Person("Dana", Role.DecisionMaker | Role.Signer, power: 5) with { RelationshipOwner = Ana },
                Person("Chris", Role.Champion, power: 3),
                Person("Eve", Role.EndUser, power: 2),
            ],
        };

    /// <summary>A map with nobody on it: no champion, decision maker or signer, single-threaded.</summary>
    public static AccountMap Map(string name, DateTimeOffset reviewed, params ChannelRef[] channels) => new()
    {
        Id = Guid.NewGuid(),
        Workspace = Workspace,
        Name = name,
        Owner = Bo,
        LinkedChannels = channels.Length == 0 ? [Deals] : channels,
        Created = new Stamp(LongAgo, Bo),
        Updated = new Stamp(LongAgo, Bo),
        LastReviewed = new Stamp(reviewed, Ana),
    };

    public static ChannelSettings ChannelOf(ChannelRef channel) => new() { Workspace = Workspace, ChannelId = channel.Id, ChannelName = channel.Name };

    public static ReminderPlanner Planner(TimeProvider? time = null, ReminderOptions? options = null) =>
        new(options ?? new ReminderOptions(), new CoverageOptions(), time ?? TimeProvider.System);

    /// <summary>
    /// Runs the planner every <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/> on a
    /// fake clock, as a hosted job would, recording planned and settled keys in an outbox set.
    /// </summary>
    public static List<(DateTimeOffset At, PlannedDigest Digest)> Simulate(
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan step,
        Func<DateTimeOffset, IReadOnlyList<AccountMap>> mapsAt,
        Func<DateTimeOffset, IReadOnlyList<ChannelSettings>> settingsAt,
        HashSet<DigestKey>? outbox = null,
        ReminderOptions? options = null)
    {
        outbox ??= [];
        var time = new FakeTimeProvider(from);
        var planner = Planner(time, options);
        var sent = new List<(DateTimeOffset At, PlannedDigest Digest)>();
        for (; time.GetUtcNow() <= to; time.Advance(step))
        {
            var now = time.GetUtcNow();
            var plan = planner.Plan(Workspace, mapsAt(now), settingsAt(now), outbox.Contains);
            foreach (var digest in plan.Digests)
            {
                Assert.True(outbox.Add(digest.Key), $"{digest.Key} planned twice");
                sent.Add((now, digest));
            }

            outbox.UnionWith(plan.Settled);
        }

        return sent;
    }
}
