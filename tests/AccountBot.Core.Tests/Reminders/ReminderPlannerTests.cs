using AccountBot.Core.Channels;
using AccountBot.Core.Features.Channels;
using System.Reflection;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using Microsoft.Extensions.Time.Testing;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private static readonly DateTimeOffset Now = Monday0900.AddMinutes(1);

    private static ReminderPlan Plan(
        IEnumerable<AccountMap> maps,
        IEnumerable<ChannelSettings>? settings = null,
        Func<DigestKey, bool>? isDone = null,
        DateTimeOffset? now = null,
        ReminderOptions? options = null) =>
        Planner(new FakeTimeProvider(now ?? Now), options).Plan(Workspace, maps, settings ?? [], isDone ?? (_ => false));

    private static AccountMap Stale(string name, int days, params ChannelRef[] channels) => Covered(name, Now.AddDays(-days), channels);

    [Fact]
    public void Plan_AccountsWithGaps_OneDigestForTheWeek()
    {
        var plan = Plan([Map("Acme", Now, Deals), Covered("Fine Co", Now, Deals)]);

        var digest = Assert.Single(plan.Digests);
        Assert.Equal(new DigestKey(Workspace, Deals.Id, "2026-W10"), digest.Key);
        Assert.Equal(Workspace, digest.Workspace);
        Assert.Equal(Deals, digest.Channel);
        Assert.Equal(Monday0900, digest.Occurrence);
        Assert.Equal("Acme", Assert.Single(digest.Items).Name);
        Assert.Equal(0, digest.MoreCount);
        Assert.Equal(ReplyVisibility.Channel, digest.Digest.Visibility);
    }

    [Fact]
    public void Plan_Item_OneLineSummaryOwnerAndButtons()
    {
        var jane = Person("Jane Doe", Role.Champion, power: 4) with { Status = StakeholderStatus.LeftCompany, RelationshipOwner = Ana };
        var map = Stale("Acme Corp", 41, Deals);
        map = map with { Stakeholders = [.. map.Stakeholders.Where(p => !p.Has(Role.Champion)), Person("Fay", Role.EndUser), jane] };

        var item = Assert.Single(Assert.Single(Plan([map]).Digests).Items);

        Assert.Equal("no champion; Jane Doe (champion) left the company; not reviewed for 41 days", item.Summary);
        Assert.Equal([CoverageGapKind.NoChampion, CoverageGapKind.ChampionLeft, CoverageGapKind.StaleMap], item.Gaps.Select(g => g.Kind));
        Assert.Equal(map.Id, item.MapId);
        Assert.Equal(Bo, item.Owner);
        Assert.Equal(CoverageAnalyzer.Severity(item.Gaps), item.Severity);
        Assert.Equal("map Acme Corp", item.OpenCommand);
        Assert.Equal("map Acme Corp reviewed", item.ReviewedCommand);
        Assert.Equal("map Acme Corp snooze", item.SnoozeCommand);
    }

    [Fact]
    public void Plan_NameThatReadsAsACommand_QuotedInButtons()
    {
        var item = Assert.Single(Assert.Single(Plan([Map("Settings Inc", Now)]).Digests).Items);

        Assert.Equal("map \"Settings Inc\"", item.OpenCommand);
        Assert.Equal("map \"Settings Inc\" reviewed", item.ReviewedCommand);
    }

    [Fact]
    public void Plan_SeveralAccounts_WorstFirstMissingChampionFirst()
    {
        var noChampionOnly = Stale("Only Champion Missing", 0) with { Stakeholders = [.. Covered("x", Now).Stakeholders.Where(p => !p.Has(Role.Champion)), Person("Fay")] };

        // Many serious gaps, but it has a champion: its severity beats a lone "no champion".
        var blockers = Enumerable.Range(1, 12).Select(i => Person($"Blocker {i}", Role.Blocker)).ToArray();
        var manyGaps = Map("Many Gaps", Now) with { Stakeholders = [Person("Chris", Role.Champion), .. blockers] };
        var stale = Stale("Stale Only", 60);
        var staler = Stale("Staler", 90);

        var digest = Assert.Single(Plan([stale, manyGaps, staler, noChampionOnly]).Digests);

        Assert.True(digest.Items[1].Severity > digest.Items[0].Severity);
        Assert.Equal(["Only Champion Missing", "Many Gaps", "Staler", "Stale Only"], digest.Items.Select(i => i.Name));
        Assert.Equal("Weekly account review: 4 accounts need attention", digest.Digest.Title);
    }

    [Fact]
    public void Plan_NothingToReport_NoDigestAndWeekSettled()
    {
        var plan = Plan([Covered("Fine Co", Now, Deals)]);

        Assert.Empty(plan.Digests);
        Assert.Equal([new DigestKey(Workspace, Deals.Id, "2026-W10")], plan.Settled);
    }

    [Fact]
    public void Plan_RemindersDisabled_NoDigest()
    {
        var plan = Plan([Map("Acme", Now, Deals)], [ChannelOf(Deals) with { RemindersEnabled = false }]);

        Assert.Empty(plan.Digests);
        Assert.Equal([new DigestKey(Workspace, Deals.Id, "2026-W10")], plan.Settled);
        Assert.Null(plan.NextOccurrence);
    }

    [Fact]
    public void Plan_SnoozedAccount_LeftOut()
    {
        var acme = Map("Acme", Now);
        var globex = Map("Globex", Now);
        var snoozed = ChannelOf(Deals) with { Snoozes = [new Snooze(acme.Id, Monday0900.AddDays(1))] };

        var digest = Assert.Single(Plan([acme, globex], [snoozed]).Digests);

        Assert.Equal(["Globex"], digest.Items.Select(i => i.Name));
    }

    [Fact]
    public void Plan_SnoozeExpiredBeforeOccurrence_AccountBack()
    {
        var acme = Map("Acme", Now);
        var expired = ChannelOf(Deals) with { Snoozes = [new Snooze(acme.Id, Monday0900)] };

        var digest = Assert.Single(Plan([acme], [expired]).Digests);

        Assert.Equal("Acme", Assert.Single(digest.Items).Name);
    }

    [Fact]
    public void Plan_SnoozePressedAfterLastWeeksDigest_SkipsThisWeekOnly()
    {
        var acme = Map("Acme", Now);
        var snooze = new Snooze(acme.Id, Monday0900.AddDays(-7).AddMinutes(5) + SnoozeHandler.Duration);
        var settings = ChannelOf(Deals) with { Snoozes = [snooze] };

        Assert.Empty(Plan([acme], [settings]).Digests);
        Assert.Single(Plan([acme], [settings], now: Now.AddDays(7)).Digests);
    }

    [Fact]
    public void Plan_SnoozeInAnotherChannel_StillListedHere()
    {
        var acme = Map("Acme", Now, Deals, Emea);
        var plan = Plan([acme], [ChannelOf(Emea) with { Snoozes = [new Snooze(acme.Id, Now.AddDays(7))] }]);

        Assert.Equal([Deals.Id], plan.Digests.Select(d => d.ChannelId));
    }

    [Fact]
    public void Plan_AccountReviewedJustBeforeRun_NotStale()
    {
        var reviewed = Stale("Acme", 100) with { LastReviewed = new Stamp(Now.AddMinutes(-1), Ana) };
        var updated = Stale("Globex", 100) with { Updated = new Stamp(Now.AddSeconds(-1), Ana) };
        var stale = Stale("Initech", 30);

        var digest = Assert.Single(Plan([reviewed, updated, stale]).Digests);

        Assert.Equal("Initech", Assert.Single(digest.Items).Name);
    }

    [Fact]
    public void Plan_ReviewedAfterOccurrenceBeforeLateRun_NotStale()
    {
        // The planner ran late (catch-up): someone reviewed the map in between, so it is not nagged about.
        var map = Stale("Acme", 100) with { LastReviewed = new Stamp(Monday0900.AddHours(2), Ana) };

        Assert.Empty(Plan([map], now: Monday0900.AddHours(3)).Digests);
    }

    [Fact]
    public void Plan_ChannelThresholds_OverrideDefaults()
    {
        var map = Stale("Acme", 41, Deals, Emea) with
        {
            Stakeholders = [.. Covered("x", Now).Stakeholders.Select(p => p with { LastContacted = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-20) })],
        };
        var lenient = ChannelOf(Deals) with { StaleAfterDays = 60 };
        var strict = ChannelOf(Emea) with { StaleContactDays = 14 };

        var plan = Plan([map], [lenient, strict]);

        var digest = Assert.Single(plan.Digests);
        Assert.Equal(Emea.Id, digest.ChannelId);
        Assert.Contains(CoverageGapKind.StaleContact, digest.Items[0].Gaps.Select(g => g.Kind));
        Assert.Contains(CoverageGapKind.StaleMap, digest.Items[0].Gaps.Select(g => g.Kind));
    }

    [Fact]
    public void Plan_ReminderDefaultsForThresholds_UsedWhenChannelSetNone()
    {
        var map = Stale("Acme", 20);

        Assert.Empty(Plan([map]).Digests);
        Assert.Single(Plan([map], options: new ReminderOptions { StaleAfterDays = 14 }).Digests);
    }

    [Fact]
    public void Plan_KeyAlreadyDone_Nothing()
    {
        var plan = Plan([Map("Acme", Now)], isDone: key => key == new DigestKey(Workspace, Deals.Id, "2026-W10"));

        Assert.Empty(plan.Digests);
        Assert.Empty(plan.Settled);
    }

    [Fact]
    public void Plan_DoneSet_AskedOnlyTheLatestKeyPerChannel()
    {
        var asked = new List<DigestKey>();
        Plan([Map("Acme", Now, Deals, Emea), Map("Globex", Now, Deals)], isDone: key =>
        {
            asked.Add(key);
            return false;
        });

        Assert.Equal([new DigestKey(Workspace, Deals.Id, "2026-W10"), new DigestKey(Workspace, Emea.Id, "2026-W10")], asked);
    }

    [Fact]
    public void Plan_SameInputsTwice_SameKeysAndContent()
    {
        IReadOnlyList<AccountMap> maps = [Map("Acme", Now, Deals, Emea), Stale("Globex", 40, Emea)];

        var first = Plan(maps);
        var second = Plan(maps, now: Now.AddHours(2));

        Assert.Equal(first.Digests.Select(d => d.Key), second.Digests.Select(d => d.Key));
        Assert.Equal(
            first.Digests.SelectMany(d => d.Items.Select(i => i.Summary)),
            second.Digests.SelectMany(d => d.Items.Select(i => i.Summary)));
    }

    [Fact]
    public void Plan_AfterFirstPlanRecorded_NothingMoreThatWeek()
    {
        var outbox = new HashSet<DigestKey>();
        IReadOnlyList<AccountMap> maps = [Map("Acme", Now, Deals), Covered("Fine Co", Now, Emea)];
        var first = Plan(maps, isDone: outbox.Contains);
        outbox.UnionWith(first.Digests.Select(d => d.Key).Concat(first.Settled));

        var later = Plan(maps, isDone: outbox.Contains, now: Now.AddDays(3));

        Assert.Single(first.Digests);
        Assert.Empty(later.Digests);
        Assert.Empty(later.Settled);
    }

    [Fact]
    public void Plan_CatchUpAfterFiveWeeksDown_OneDigestForTheLatestWeek()
    {
        var outbox = new HashSet<DigestKey> { new(Workspace, Deals.Id, "2026-W05") };
        var afterDowntime = new DateTimeOffset(2026, 3, 4, 14, 0, 0, TimeSpan.Zero);

        var plan = Plan([Map("Acme", Now)], isDone: outbox.Contains, now: afterDowntime);

        var digest = Assert.Single(plan.Digests);
        Assert.Equal("2026-W10", digest.Key.Week);
        Assert.Equal(Monday0900, digest.Occurrence);
    }

    [Fact]
    public void Plan_300Accounts_Capped20AndMore280()
    {
        var maps = Enumerable.Range(1, 300).Select(i => Stale($"Account {i:D3}", 30 + i)).ToList();

        var digest = Assert.Single(Plan(maps).Digests);

        Assert.Equal(20, digest.Items.Count);
        Assert.Equal(280, digest.MoreCount);
        Assert.Equal("Account 300", digest.Items[0].Name);
        Assert.Equal("Weekly account review: 300 accounts need attention", digest.Digest.Title);
        Assert.Equal("and 280 more", digest.Digest.MoreText);
        Assert.Equal("map list", digest.Digest.ListCommand);
    }

    [Fact]
    public void Plan_MaxItemsOption_Caps()
    {
        var maps = Enumerable.Range(1, 5).Select(i => Map($"Account {i}", Now)).ToList();

        var digest = Assert.Single(Plan(maps, options: new ReminderOptions { MaxItems = 3 }).Digests);

        Assert.Equal((3, 2), (digest.Items.Count, digest.MoreCount));
    }

    [Fact]
    public void Plan_OneAccount_SingularTitleNoMoreText()
    {
        var digest = Assert.Single(Plan([Map("Acme", Now)]).Digests).Digest;

        Assert.Equal("Weekly account review: 1 account needs attention", digest.Title);
        Assert.Null(digest.MoreText);
    }

    [Fact]
    public void Plan_MapCreatedAfterOccurrence_WaitsForNextWeek()
    {
        var created = new Stamp(Now.AddDays(2), Ana);
        var newMap = Map("Fresh", Now, Emea) with { Created = created, Updated = created };

        var plan = Plan([newMap], now: Now.AddDays(2).AddMinutes(5));

        Assert.Empty(plan.Digests);
        Assert.Single(Plan([newMap], now: Now.AddDays(7)).Digests);
    }

    [Fact]
    public void Plan_ChannelsInDifferentZones_EachItsOwnOccurrence()
    {
        IReadOnlyList<ChannelSettings> settings = [ChannelOf(Deals) with { TimeZone = "Pacific/Auckland" }, ChannelOf(Emea) with { TimeZone = "America/Los_Angeles" }];
        IReadOnlyList<AccountMap> maps = [Map("Acme", Now, Deals, Emea)];
        var sundayEvening = new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero);

        var lastWeek = new HashSet<DigestKey> { new(Workspace, Deals.Id, "2026-W09"), new(Workspace, Emea.Id, "2026-W09") };

        var early = Plan(maps, settings, lastWeek.Contains, now: sundayEvening);
        var late = Plan(maps, settings, lastWeek.Contains, now: new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

        var auckland = Assert.Single(early.Digests);
        Assert.Equal((Deals.Id, "2026-W10"), (auckland.ChannelId, auckland.Key.Week));
        Assert.Contains(late.Digests, d => d.ChannelId == Emea.Id && d.Key.Week == "2026-W10");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero), early.NextOccurrence);
    }

    [Fact]
    public void Plan_UnknownTimeZone_DefaultZoneAndFallbackReported()
    {
        var plan = Plan([Map("Acme", Now)], [ChannelOf(Deals) with { TimeZone = "Europe/Atlantis" }]);

        Assert.Single(plan.Digests);
        Assert.Equal([new TimeZoneFallback(Deals.Id, "Europe/Atlantis", "Etc/UTC")], plan.TimeZoneFallbacks);
    }

    [Fact]
    public void Plan_ChannelName_FromSettingsElseLink()
    {
        var plan = Plan([Map("Acme", Now, Deals, Emea)], [ChannelOf(Emea) with { ChannelName = "emea-deals" }]);

        Assert.Equal([Deals, new ChannelRef(Emea.Id, "emea-deals")], plan.Digests.Select(d => d.Channel));
    }

    [Fact]
    public void Plan_SettingsWithoutLinkedMaps_Ignored()
    {
        var plan = Plan([], [ChannelOf(Deals)]);

        Assert.Empty(plan.Digests);
        Assert.Empty(plan.Settled);
        Assert.Null(plan.NextOccurrence);
    }

    [Fact]
    public void Plan_MapOfAnotherWorkspace_Throws()
    {
        var foreign = Map("Acme", Now) with { Workspace = WorkspaceKey.ForSlack(null, "T2") };

        Assert.Throws<ArgumentException>(() => Plan([foreign]));
    }

    [Fact]
    public void Plan_SettingsOfAnotherWorkspace_Throws()
    {
        var foreign = ChannelOf(Deals) with { Workspace = WorkspaceKey.ForTeams("other") };

        Assert.Throws<ArgumentException>(() => Plan([Map("Acme", Now)], [foreign]));
    }

    [Fact]
    public void Plan_UsesTimeProvider()
    {
        var time = new FakeTimeProvider(Monday0900.AddMinutes(-1));
        var planner = Planner(time);

        Assert.Equal("2026-W09", Assert.Single(planner.Plan(Workspace, [Map("Acme", Now)], [], _ => false).Digests).Key.Week);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("2026-W10", Assert.Single(planner.Plan(Workspace, [Map("Acme", Now)], [], _ => false).Digests).Key.Week);
    }

    [Fact]
    public void Summarize_ManyGaps_FiveThenCount()
    {
        var gaps = Enumerable.Range(1, 8).Select(i => new CoverageGap(CoverageGapKind.StaleContact, $"P{i} not contacted for 50 days")).ToList();

        Assert.Equal(
            "P1 not contacted for 50 days; P2 not contacted for 50 days; P3 not contacted for 50 days; P4 not contacted for 50 days; P5 not contacted for 50 days; and 3 more",
            ReminderPlanner.Summarize(gaps));
    }

    [Fact]
    public void WithThresholds_CopiesEveryOtherCoverageRule()
    {
        var options = new CoverageOptions { SingleThreadedBelow = 7, WeakChampionPowerAtMost = 1, HighScoreThreshold = 3, StaleAfterDays = 99, StaleContactDays = 98 };

        var copy = ReminderPlanner.WithThresholds(options, 10, 11);

        Assert.Equal((10, 11), (copy.StaleAfterDays, copy.StaleContactDays));
        var others = typeof(CoverageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not (nameof(CoverageOptions.StaleAfterDays) or nameof(CoverageOptions.StaleContactDays)));
        Assert.All(others, p => Assert.Equal(p.GetValue(options), p.GetValue(copy)));
    }

    [Fact]
    public void Digest_NoItems_Rejected() =>
        Assert.Throws<ArgumentException>(() => new Digest([], 0));
}
