using AccountBot.Core.Abstractions;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class WorkspaceInstallationStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static WorkspaceInstallation Installation(string? enterprise, string? team, string token = "xoxb-1") => new()
    {
        Key = WorkspaceInstallation.KeyFor("slack", enterprise, team),
        EnterpriseId = enterprise,
        TeamId = team,
        TeamName = "Acme Sales",
        IsEnterpriseInstall = team is null,
        BotToken = token,
        BotUserId = "U0BOT",
        AppId = "A0APP",
        Scopes = "commands,chat:write",
        InstalledBy = "U0ADMIN",
        InstalledAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero),
    };

    [Fact]
    public async Task SaveAsync_ThenReopen_ReadsBackExactlyAndLatestWins()
    {
        var store = Installations;
        await store.SaveAsync(Installation(null, "T01", "xoxb-old"), CancellationToken.None);
        await store.SaveAsync(Installation(null, "T01", "xoxb-new"), CancellationToken.None);

        await ReopenAsync();
        var read = await Installations.GetAsync("slack:T01", CancellationToken.None);

        Assert.Equal(Installation(null, "T01", "xoxb-new"), read);
    }

    [Fact]
    public async Task GetAsync_KeysAreExact_EnterpriseTeamAndOrgWideDoNotMix()
    {
        var store = Installations;
        await store.SaveAsync(Installation("E01", "T01", "xoxb-grid-team"), CancellationToken.None);
        await store.SaveAsync(Installation("E01", null, "xoxb-org"), CancellationToken.None);

        Assert.Null(await store.GetAsync("slack:T01", CancellationToken.None));
        Assert.Null(await store.GetAsync("slack:t01", CancellationToken.None));
        Assert.Equal("xoxb-grid-team", (await store.GetAsync("slack:E01:T01", CancellationToken.None))?.BotToken);
        Assert.Equal("xoxb-org", (await store.GetAsync("slack:E01:*", CancellationToken.None))?.BotToken);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThatKey_AndMissingIsFine()
    {
        var store = Installations;
        await store.SaveAsync(Installation(null, "T01"), CancellationToken.None);
        await store.SaveAsync(Installation(null, "T02"), CancellationToken.None);

        await store.DeleteAsync("slack:T01", CancellationToken.None);
        await store.DeleteAsync("slack:T09", CancellationToken.None);

        Assert.Null(await store.GetAsync("slack:T01", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("slack:T02", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_ReturnsEveryInstallationOfThatPlatformOnly()
    {
        var store = Installations;
        await store.SaveAsync(Installation(null, "T01"), CancellationToken.None);
        await store.SaveAsync(Installation("E01", null), CancellationToken.None);
        await store.SaveAsync(Installation(null, "T02") with { Key = "slackish:T02" }, CancellationToken.None);

        var listed = await store.ListAsync("slack", CancellationToken.None);

        Assert.Equal(["slack:E01:*", "slack:T01"], listed.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Installation(null, "T01"), listed.Single(i => i.Key == "slack:T01"));
    }

    [Fact]
    public void ToString_LeavesTheTokenOut()
    {
        Assert.DoesNotContain("xoxb", Installation(null, "T01", "xoxb-secret").ToString(), StringComparison.Ordinal);
    }
}
