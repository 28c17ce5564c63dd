using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using BenchmarkDotNet.Attributes;

namespace AccountBot.Benchmarks.Reminders;

/// <summary>
/// One planning run over a large workspace: 2,000 linked channels, 20,000 accounts. The target is well under
/// 2 s per run, with allocations that do not depend on how many past weeks the outbox remembers
/// (<see cref="WeeksOfHistory"/>): the planner asks the done-set about one key per channel.
/// </summary>
// Not sealed: BenchmarkDotNet generates a class deriving from it.
[MemoryDiagnoser]
public class ReminderPlannerBenchmarks
{
    private const int Channels = 2_000;
    private const int Accounts = 20_000;

    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams("bench-tenant");
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Zones = ["Etc/UTC", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"];

    private readonly ReminderPlanner planner = new(new ReminderOptions(), new CoverageOptions(), TimeProvider.System);
    private List<AccountMap> maps = [];
    private List<ChannelSettings> settings = [];
    private HashSet<DigestKey> pastWeeksDone = [];
    private HashSet<DigestKey> thisWeekDone = [];

    /// <summary>How many past weeks of digest keys per channel the outbox holds.</summary>
    [Params(1, 200)]
    public int WeeksOfHistory { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var owner = new UserRef("U-owner", "Owner");
        var created = new Stamp(Now.AddYears(-2), owner);
        maps = [.. Enumerable.Range(0, Accounts).Select(i => Map(i, random, owner, created))];

        // Half the channels have settings of their own: zones on both sides of UTC, other days, thresholds, snoozes.
        settings = [.. Enumerable.Range(0, Channels).Where(c => c % 2 == 0).Select(c => new ChannelSettings
        {
            Workspace = Workspace,
            ChannelId = ChannelId(c),
            TimeZone = Zones[c % Zones.Length],
            ReminderDay = c % 4 == 0 ? DayOfWeek.Tuesday : null,
            StaleAfterDays = c % 3 == 0 ? 14 : null,
            Snoozes = [new Snooze(maps[c].Id, Now.AddDays(3))],
        })];

        // Every channel is due this week (the expensive case); the outbox remembers past weeks only.
        pastWeeksDone = [];
        thisWeekDone = [];
        for (var c = 0; c < Channels; c++)
        {
            var schedule = ReminderSchedule.For(c % 2 == 0 ? settings[c / 2] : null, new ReminderOptions());
            var occurrence = schedule.LatestAtOrBefore(Now)!.Value;
            thisWeekDone.Add(schedule.KeyFor(Workspace, ChannelId(c), occurrence));
            for (var week = 1; week <= WeeksOfHistory; week++)
            {
                pastWeeksDone.Add(schedule.KeyFor(Workspace, ChannelId(c), occurrence.AddDays(-7 * week)));
            }
        }

        thisWeekDone.UnionWith(pastWeeksDone);
    }

    /// <summary>The Monday-morning run: every channel's digest is due and built.</summary>
    [Benchmark(Baseline = true)]
    public int PlanAllDue() => planner.Plan(Workspace, maps, settings, pastWeeksDone.Contains, Now).Digests.Count;

    /// <summary>Every other run of the week: this week's keys are in the outbox, nothing to build.</summary>
    [Benchmark]
    public int PlanNothingDue() => planner.Plan(Workspace, maps, settings, thisWeekDone.Contains, Now).Digests.Count;

    private static string ChannelId(int c) => $"19:channel-{c:D4}@thread.tacv2";

    private static AccountMap Map(int i, Random random, UserRef owner, Stamp created)
    {
        // Every account in its home channel; one in ten also in a second channel.
        var home = new ChannelRef(ChannelId(i % Channels), $"channel {i % Channels}");
        IReadOnlyList<ChannelRef> channels = i % 10 == 0 ? [home, new ChannelRef(ChannelId((i / 10) % Channels))] : [home];
        var people = Enumerable.Range(0, random.Next(1, 9)).Select(p => new Stakeholder
        {
            Id = Guid.NewGuid(),
            Name = $"Person {i}-{p}",
            Roles = (Role)(1 << random.Next(0, 7)),
            Power = random.Next(1, 6),
            Interest = random.Next(1, 6),
            RelationshipOwner = random.Next(2) == 0 ? owner : null,
            LastContacted = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-random.Next(0, 90)),
            Status = random.Next(20) == 0 ? StakeholderStatus.LeftCompany : StakeholderStatus.Active,
        }).ToList();
        return new AccountMap
        {
            Id = Guid.NewGuid(),
            Workspace = Workspace,
            Name = $"Account {i:D5}",
            Owner = owner,
            LinkedChannels = channels,
            Created = created,
            Updated = created,
            LastReviewed = new Stamp(Now.AddDays(-random.Next(0, 60)), owner),
            Stakeholders = people,
        };
    }
}
