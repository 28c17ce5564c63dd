using AccountBot.Core.Accounts;

namespace AccountBot.Core.Tests.Accounts;

public sealed class GridAndOnionTests
{
    [Theory]
    [InlineData(5, 5, GridQuadrant.ManageClosely)]
    [InlineData(4, 4, GridQuadrant.ManageClosely)]
    [InlineData(4, 3, GridQuadrant.KeepSatisfied)]
    [InlineData(3, 4, GridQuadrant.KeepInformed)]
    [InlineData(3, 3, GridQuadrant.Monitor)]
    [InlineData(1, 1, GridQuadrant.Monitor)]
    public void Classify_DefaultThreshold_ThreeIsLow(int power, int interest, GridQuadrant expected) =>
        Assert.Equal(expected, PowerInterestGrid.Classify(power, interest));

    [Fact]
    public void Classify_ThresholdThree_RoundsThreeUp() =>
        Assert.Equal(GridQuadrant.ManageClosely, PowerInterestGrid.Classify(3, 3, highThreshold: 3));

    [Theory]
    [InlineData(Role.DecisionMaker, 1)]
    [InlineData(Role.Signer | Role.EndUser, 1)]
    [InlineData(Role.Champion, 2)]
    [InlineData(Role.Influencer | Role.Gatekeeper, 2)]
    [InlineData(Role.Blocker, 2)]
    [InlineData(Role.EndUser, 3)]
    [InlineData(Role.Gatekeeper, 3)]
    [InlineData(Role.None, 4)]
    public void OnionRing_InnermostRoleWins(Role roles, int ring) => Assert.Equal(ring, OnionRing.For(roles));

    [Theory]
    [InlineData("Acme Corp", "acme corp")]
    [InlineData("ACME  Corp", "acme corp")]
    [InlineData("  Acmé\tCorp ", "acme corp")]
    [InlineData("Zoë Ünlü", "zoe unlu")]
    public void NameKey_IgnoresCaseAccentsAndSpacing(string name, string key) => Assert.Equal(key, NameKey.Normalize(name));

    [Fact]
    public void WorkspaceKey_SlackEnterpriseAndTeamAreDistinct()
    {
        Assert.NotEqual(WorkspaceKey.ForSlack("E1", "T1"), WorkspaceKey.ForSlack(null, "T1"));
        Assert.Equal("slack:E1:T1", WorkspaceKey.ForSlack("E1", "T1").Value);
        Assert.Equal(WorkspaceKey.ForTeams("ABC"), WorkspaceKey.Parse("teams:abc"));
        Assert.Throws<FormatException>(() => WorkspaceKey.Parse("other:1"));
    }
}
