using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using Microsoft.Extensions.Time.Testing;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

/// <summary>
/// The planner's rules that no other test pinned down: the exactly-once bookkeeping per channel, the order of
/// items when severities tie, and the edges of "existed at the occurrence" and "five gaps in the summary".
/// </summary>
public sealed class ReminderPlannerMutationTests
{
    private static readonly DateTimeOffset Now = Monday0900.AddMinutes(1);

    private static ReminderPlan Plan(IEnumerable<AccountMap> maps, IEnumerable<ChannelSettings>? settings = null, Func<DigestKey, bool>? isDone = null) =>
        Planner(new FakeTimeProvider(Now)).Plan(Workspace, maps, settings ?? [], isDone ?? (_ => false));

    private static DigestKey ThisWeek(ChannelRef channel) => new(Workspace, channel.Id, "2026-W10");

    [Fact]
    public void Plan_WeekAlreadyDone_NeitherPlannedNorSettledAgain()
    {
        var plan = Plan([Map("Acme", Now, Deals), Covered("Fine Co", Now, Emea)], isDone: _ => true);

        Assert.Empty(plan.Digests);
        Assert.Empty(plan.Settled);
    }

    [Fact]
    public void Plan_OneChannelDone_OnlyTheOtherPlanned()
    {
        var plan = Plan([Map("Acme", Now, Deals, Emea)], isDone: key => key == ThisWeek(Deals));

        Assert.Equal([ThisWeek(Emea)], plan.Digests.Select(d => d.Key));
        Assert.Empty(plan.Settled);
    }

    [Fact]
    public void Plan_DoneSet_AskedOnceForEachChannelsLatestWeekOnly()
    {
        var asked = new List<DigestKey>();

        Plan([Map("Acme", Now, Deals), Map("Beta", Now, Deals, Emea)], isDone: key =>
        {
            asked.Add(key);
            return false;
        });

        Assert.Equal([ThisWeek(Deals), ThisWeek(Emea)], asked);
    }

    [Fact]
    public void Plan_RemindersDisabledInOneChannel_NextOccurrenceFromTheEnabledOnesOnly()
    {
        // Emea is disabled and would come first (Tuesday); Deals keeps the default Monday 09:00.
        var settings = new[] { ChannelOf(Emea) with { RemindersEnabled = false, ReminderDay = DayOfWeek.Tuesday } };

        var plan = Plan([Map("Acme", Now, Deals), Map("Beta", Now, Emea)], settings);

        Assert.Equal(Monday0900.AddDays(7), plan.NextOccurrence);
    }

    [Fact]
    public void Plan_TwoEnabledChannels_NextOccurrenceIsTheEarlier()
    {
        var settings = new[] { ChannelOf(Emea) with { ReminderDay = DayOfWeek.Tuesday } };

        var plan = Plan([Map("Acme", Now, Deals), Map("Beta", Now, Emea)], settings);

        Assert.Equal(Monday0900.AddDays(1), plan.NextOccurrence);
    }

    [Fact]
    public void Plan_ChannelRenamedInSettings_DigestCarriesTheNewName()
    {
        var plan = Plan([Map("Acme", Now, Deals)], [ChannelOf(Deals) with { ChannelName = "deals-emea" }]);

        Assert.Equal(new ChannelRef(Deals.Id, "deals-emea"), Assert.Single(plan.Digests).Channel);
    }

    [Fact]
    public void Plan_SettingsWithoutName_DigestKeepsTheLinkedChannel()
    {
        var plan = Plan([Map("Acme", Now, Deals)], [ChannelOf(Deals) with { ChannelName = null }]);

        Assert.Equal(Deals, Assert.Single(plan.Digests).Channel);
    }

    [Fact]
    public void Plan_UnknownTimeZone_ReportedAsFallbackAndStillPlanned()
    {
        var plan = Plan([Map("Acme", Now, Deals)], [ChannelOf(Deals) with { TimeZone = "Mars/Olympus_Mons" }]);

        var fallback = Assert.Single(plan.TimeZoneFallbacks);
        Assert.Equal((Deals.Id, "Mars/Olympus_Mons"), (fallback.ChannelId, fallback.ConfiguredTimeZone));
        Assert.Single(plan.Digests);
    }

    [Fact]
    public void Plan_KnownTimeZone_NoFallback()
    {
        Assert.Empty(Plan([Map("Acme", Now, Deals)], [ChannelOf(Deals) with { TimeZone = "Europe/Berlin" }]).TimeZoneFallbacks);
    }

    [Fact]
    public void Plan_MapCreatedExactlyAtTheOccurrence_IsInThatDigest()
    {
        var map = Map("Acme", Now, Deals) with { Created = new Stamp(Monday0900, Bo) };

        Assert.Equal("Acme", Assert.Single(Assert.Single(Plan([map]).Digests).Items).Name);
    }

    [Fact]
    public void Plan_MissingChampionAmongOtherGaps_StillFirst()
    {
        // Thirty blockers without a next step outweigh "no champion" and its company; the missing champion still leads.
        var noChampion = Map("Zeta Missing Champion", Now);
        var blockers = Enumerable.Range(1, 30).Select(i => Person($"Blocker {i}", Role.Blocker)).ToArray();
        var manyGaps = Map("Alpha Many Gaps", Now) with { Stakeholders = [Person("Chris", Role.Champion), .. blockers] };

        var items = Assert.Single(Plan([manyGaps, noChampion]).Digests).Items;

        Assert.True(items[1].Severity > items[0].Severity);
        Assert.Equal(["Zeta Missing Champion", "Alpha Many Gaps"], items.Select(i => i.Name));
    }

    [Fact]
    public void Plan_SameGapsAndActivity_ByNameIgnoringCaseThenById()
    {
        var maps = new[]
        {
            Map("Beta", Now) with { Id = Guid.Parse("00000000-0000-0000-0000-000000000001") },
            Map("beta", Now) with { Id = Guid.Parse("00000000-0000-0000-0000-000000000002") },
            Map("Alpha", Now) with { Id = Guid.Parse("00000000-0000-0000-0000-000000000003") },
        };

        var items = Assert.Single(Plan(maps).Digests).Items;

        Assert.Equal(["Alpha", "Beta", "beta"], items.Select(i => i.Name));
    }

    [Fact]
    public void Plan_MapOfAnotherWorkspace_RefusedNamingTheMap()
    {
        var map = Map("Acme", Now) with { Workspace = WorkspaceKey.ForSlack(null, "T2") };

        var error = Assert.Throws<ArgumentException>(() => Plan([map]));

        Assert.Contains(map.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SettingsOfAnotherWorkspace_RefusedNamingTheChannel()
    {
        var settings = ChannelOf(Deals) with { Workspace = WorkspaceKey.ForSlack(null, "T2") };

        var error = Assert.Throws<ArgumentException>(() => Plan([Map("Acme", Now)], [settings]));

        Assert.Contains(Deals.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NullArgument_Refused()
    {
        var planner = Planner(new FakeTimeProvider(Now));
        AccountMap[] maps = [Map("Acme", Now, Deals)];

        Assert.Throws<ArgumentNullException>(() => planner.Plan(Workspace, null!, [], _ => false));
        Assert.Throws<ArgumentNullException>(() => planner.Plan(Workspace, maps, null!, _ => false));
        Assert.Throws<ArgumentNullException>(() => planner.Plan(Workspace, maps, [], null!));
    }

    [Fact]
    public void Summarize_ExactlyFiveGaps_NoCountedTail()
    {
        var gaps = Enumerable.Range(1, ReminderPlanner.MaxGapsInSummary).Select(i => new CoverageGap(CoverageGapKind.StaleContact, $"P{i}")).ToList();

        Assert.Equal("P1; P2; P3; P4; P5", ReminderPlanner.Summarize(gaps));
    }

    [Fact]
    public void WithThresholds_SameThresholds_SameOptionsInstance()
    {
        // The planner caches a map's gaps per options instance; a copy for unchanged thresholds would miss that cache.
        var options = new CoverageOptions();

        Assert.Same(options, ReminderPlanner.WithThresholds(options, options.StaleAfterDays, options.StaleContactDays));
    }
}
