using AccountBot.Core.Accounts;
using static AccountBot.Core.Tests.Accounts.TestMaps;

namespace AccountBot.Core.Tests.Accounts;

public sealed class CoverageAnalyzerTests
{
    private static readonly CoverageOptions Options = new();
    private static readonly UserRef Owner = new("U2", "Bo Seller");

    private static IReadOnlyList<CoverageGap> Gaps(AccountMap map, int daysLater = 0) =>
        CoverageAnalyzer.Analyze(map, Now.AddDays(daysLater), Options);

    private static AccountMap Covered() => Empty().With(
        Person("Dana", Role.DecisionMaker | Role.Signer, power: 5) with { RelationshipOwner = Owner },
        Person("Chris", Role.Champion, power: 3),
        Person("Eve", Role.EndUser, power: 2));

    [Fact]
    public void Analyze_WellCoveredMap_NoGaps() => Assert.Empty(Gaps(Covered()));

    [Fact]
    public void Analyze_EmptyMap_MissingRolesAndSingleThreaded()
    {
        var kinds = Gaps(Empty()).Select(g => g.Kind).ToList();
        Assert.Equal([CoverageGapKind.NoChampion, CoverageGapKind.NoDecisionMaker, CoverageGapKind.NoSigner, CoverageGapKind.SingleThreaded], kinds);
    }

    [Fact]
    public void Analyze_SingleThreaded_UsesThreshold()
    {
        var covered = Covered();
        var map = covered.RemoveStakeholder(covered.Stakeholders[2].Id, At0).Map;
        Assert.Contains(Gaps(map), g => g is { Kind: CoverageGapKind.SingleThreaded, Message: "single-threaded: 2 active stakeholders" });
        var lenient = CoverageAnalyzer.Analyze(map, Now, new CoverageOptions { SingleThreadedBelow = 2 });
        Assert.DoesNotContain(lenient, g => g.Kind == CoverageGapKind.SingleThreaded);
    }

    [Fact]
    public void Analyze_ChampionWithLowPower_Flagged()
    {
        var map = Covered().With(Person("Weak", Role.Champion, power: 2));
        var gap = Assert.Single(Gaps(map), g => g.Kind == CoverageGapKind.WeakChampion);
        Assert.Equal("Weak (champion) has low power (2/5)", gap.Message);
    }

    [Fact]
    public void Analyze_BlockerWithoutNextStep_FlaggedUntilOneIsSet()
    {
        var blocker = Person("Bob", Role.Blocker);
        var map = Covered().With(blocker);
        Assert.Contains(Gaps(map), g => g.Kind == CoverageGapKind.BlockerWithoutNextStep && g.StakeholderId == blocker.Id);

        map = map.UpdateStakeholder(blocker with { NextStep = "Lunch with Bob" }, At0).Map;
        Assert.DoesNotContain(Gaps(map), g => g.Kind == CoverageGapKind.BlockerWithoutNextStep);
    }

    [Fact]
    public void Analyze_HighPowerWithoutOwner_Flagged()
    {
        var map = Covered().With(Person("Vp", power: 4));
        Assert.Contains(Gaps(map), g => g is { Kind: CoverageGapKind.HighPowerWithoutOwner, Message: "Vp (power 4) has no relationship owner" });
    }

    [Fact]
    public void Analyze_StaleMap_CountsFromLastReviewOrChange()
    {
        Assert.DoesNotContain(Gaps(Covered(), 29), g => g.Kind == CoverageGapKind.StaleMap);
        Assert.Contains(Gaps(Covered(), 41), g => g.Message == "not reviewed for 41 days");

        var reviewed = Covered().MarkReviewed(At0 with { At = Now.AddDays(20) }).Map;
        Assert.DoesNotContain(Gaps(reviewed, 41), g => g.Kind == CoverageGapKind.StaleMap);
    }

    [Fact]
    public void Analyze_StaleContact_OnlyForActivePeopleWithADate()
    {
        var map = Covered().With(
            Person("Old", power: 1) with { LastContacted = DateOnly.FromDateTime(Now.AddDays(-50).UtcDateTime) },
            Person("Gone", power: 1) with { LastContacted = DateOnly.FromDateTime(Now.AddDays(-90).UtcDateTime), Status = StakeholderStatus.LeftCompany });

        var stale = Assert.Single(Gaps(map), g => g.Kind == CoverageGapKind.StaleContact);
        Assert.Equal("Old not contacted for 50 days", stale.Message);
    }

    [Fact]
    public void Analyze_ChampionLeft_NamedAndNoLongerCoverage()
    {
        var map = Covered();
        var chris = map.Stakeholders.Single(s => s.Name == "Chris");
        map = map.UpdateStakeholder(chris with { Status = StakeholderStatus.LeftCompany }, At0).Map;

        var gaps = Gaps(map);

        Assert.Equal(CoverageGapKind.NoChampion, gaps[0].Kind);
        Assert.Contains(gaps, g => g.Message == "Chris (champion) left the company");
        Assert.Contains(gaps, g => g.Kind == CoverageGapKind.SingleThreaded);
    }

    [Fact]
    public void Severity_MissingChampionOutweighsSmallGaps()
    {
        var noChampion = new[] { new CoverageGap(CoverageGapKind.NoChampion, "") };
        var small = Enumerable.Repeat(new CoverageGap(CoverageGapKind.StaleContact, ""), 5).ToArray();
        Assert.True(CoverageAnalyzer.Severity(noChampion) > CoverageAnalyzer.Severity(small));
    }
}
