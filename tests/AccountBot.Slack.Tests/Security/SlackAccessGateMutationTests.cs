using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Security;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Tests.Security;

/// <summary>
/// <see cref="SlackAccessGate"/> rule by rule, without a host: the allow-list (team, enterprise or the workspace the
/// request names), the installation lookup, the app id and the acting user's own team (issue #18, round 2).
/// </summary>
public sealed class SlackAccessGateMutationTests
{
    private const string Team = "T0ACME";
    private const string Enterprise = "E0GRID";
    private const string AppId = "A0ACCOUNTBOT";

    private readonly InMemorySlackInstallationStore _installations = new();

    [Fact]
    public void IsAllowed_EmptyList_EveryTeam()
    {
        Assert.True(Gate().IsAllowed(new SlackTeamKey(null, "T0ANY"), "T0ANY"));
        Assert.True(Gate().IsAllowed(new SlackTeamKey(null, null), null));
    }

    [Theory]
    [InlineData(Enterprise, Enterprise, "T0OTHER", null)]
    [InlineData(Team, null, Team, null)]
    [InlineData(Team, "E0OTHER", Team, null)]
    [InlineData(Team, null, null, Team)]
    [InlineData(Team, "E0OTHER", "T0OTHER", Team)]
    public void IsAllowed_ListNamesTheEnterpriseTheTeamOrTheWorkspace_Allowed(string allowed, string? enterprise, string? team, string? workspace)
    {
        Assert.True(Gate(allowed).IsAllowed(new SlackTeamKey(enterprise, team), workspace));
    }

    [Theory]
    [InlineData("E0OTHER", "T0OTHER", "T0OTHER")]
    [InlineData(null, "T0OTHER", null)]
    [InlineData("E0OTHER", null, null)]
    [InlineData(null, null, null)]
    [InlineData(null, "t0acme", "e0grid")]
    public void IsAllowed_ListNamesNoneOfThem_Refused(string? enterprise, string? team, string? workspace)
    {
        Assert.False(Gate(Team, Enterprise).IsAllowed(new SlackTeamKey(enterprise, team), workspace));
    }

    [Fact]
    public async Task CheckAsync_Null_ThrowsArgumentNull()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(async () => await Gate().CheckAsync(null!, CancellationToken.None));

        Assert.Equal("requester", error.ParamName);
    }

    [Fact]
    public async Task CheckAsync_TeamNotOnTheList_WorkspaceNotAllowedEvenWhenInstalled()
    {
        await InstallAsync(null, "T0OTHER");

        Assert.Equal(SlackAccess.WorkspaceNotAllowed, await Gate(Team).CheckAsync(Requester(null, "T0OTHER"), CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_NoInstallationForTheTeam_ExternalUser()
    {
        await InstallAsync(null, "T0OTHER");

        Assert.Equal(SlackAccess.ExternalUser, await Gate().CheckAsync(Requester(null, Team), CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_InstalledTeamItsOwnUser_Allowed()
    {
        await InstallAsync(null, Team);

        Assert.Equal(SlackAccess.Allowed, await Gate(Team).CheckAsync(Requester(null, Team), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(AppId, null)]
    [InlineData(null, AppId)]
    [InlineData(AppId, "")]
    [InlineData("", AppId)]
    [InlineData(AppId, AppId)]
    public async Task CheckAsync_AppIdMissingOnEitherSideOrEqual_Allowed(string? installed, string? asked)
    {
        await InstallAsync(null, Team, installed);

        Assert.Equal(SlackAccess.Allowed, await Gate().CheckAsync(Requester(null, Team, apiAppId: asked), CancellationToken.None));
    }

    [Theory]
    [InlineData("A0OTHERAPP")]
    [InlineData("a0accountbot")]
    public async Task CheckAsync_RequestForAnotherAppId_ExternalUser(string asked)
    {
        await InstallAsync(null, Team, AppId);

        Assert.Equal(SlackAccess.ExternalUser, await Gate().CheckAsync(Requester(null, Team, apiAppId: asked), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Team)]
    public async Task CheckAsync_UserOfNoTeamOrOfTheWorkspace_Allowed(string? userTeam)
    {
        await InstallAsync(null, Team);

        Assert.Equal(SlackAccess.Allowed, await Gate().CheckAsync(Requester(null, Team, userTeam: userTeam, useUserTeam: true), CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_UserOfTheInstalledTeamInAnotherWorkspaceOfTheRequest_Allowed()
    {
        // The request names a workspace id that differs from the installation's own team (e.g. a shared channel's
        // host); the user of the installation's team is still an insider.
        await InstallAsync(null, Team);

        var requester = new SlackRequester(new SlackTeamKey(null, Team), "T0HOST", Team, AppId);

        Assert.Equal(SlackAccess.Allowed, await Gate().CheckAsync(requester, CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_UserOfTheWorkspaceTheRequestNames_Allowed()
    {
        await InstallAsync(null, Team);

        var requester = new SlackRequester(new SlackTeamKey(null, Team), "T0HOST", "T0HOST", AppId);

        Assert.Equal(SlackAccess.Allowed, await Gate().CheckAsync(requester, CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_UserOfTheEnterprise_Allowed()
    {
        await InstallAsync(Enterprise, null, enterpriseInstall: true);

        var requester = new SlackRequester(new SlackTeamKey(Enterprise, "T0WORKSPACE"), "T0WORKSPACE", Enterprise, AppId);

        Assert.Equal(SlackAccess.Allowed, await Gate().CheckAsync(requester, CancellationToken.None));
    }

    [Theory]
    [InlineData("T0STRANGER")]
    [InlineData("t0acme")]
    [InlineData("E0OTHER")]
    public async Task CheckAsync_UserOfAnotherTeam_ExternalUser(string userTeam)
    {
        await InstallAsync(Enterprise, Team);

        var requester = new SlackRequester(new SlackTeamKey(Enterprise, Team), Team, userTeam, AppId);

        Assert.Equal(SlackAccess.ExternalUser, await Gate().CheckAsync(requester, CancellationToken.None));
    }

    private SlackAccessGate Gate(params string[] allowed)
    {
        var options = new SlackOptions();
        foreach (var id in allowed)
            options.AllowedTeams.Add(id);
        return new SlackAccessGate(Options.Create(options), _installations);
    }

    private static SlackRequester Requester(string? enterprise, string team, string? userTeam = null, bool useUserTeam = false, string? apiAppId = AppId) =>
        new(new SlackTeamKey(enterprise, team), team, useUserTeam ? userTeam : team, apiAppId);

    private Task InstallAsync(string? enterprise, string? team, string? appId = AppId, bool enterpriseInstall = false) =>
        _installations.SaveAsync(
            new SlackInstallation { EnterpriseId = enterprise, TeamId = team, IsEnterpriseInstall = enterpriseInstall, AppId = appId, BotToken = "xoxb-test" },
            CancellationToken.None);
}
