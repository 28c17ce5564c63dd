using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>Two workspaces with a map of the same name, linked to a channel with the same id.</summary>
public abstract class WorkspaceIsolationContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Slack = WorkspaceKey.ForSlack(null, "T01");
    private static readonly WorkspaceKey Teams = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");
    private static readonly WorkspaceKey Empty = WorkspaceKey.ForSlack("E09", "T09");

    [Fact]
    public async Task Store_SameMapNameAndChannelInTwoWorkspaces_EachSeesOnlyItsOwn()
    {
        var store = Maps;
        var slackMap = await SaveNewAsync(store, MapBuilder.For(Slack).Named("Acme").WithAliases("Roadrunner").LinkedTo("C01").WithStakeholders(2).Build());
        var teamsMap = await SaveNewAsync(store, MapBuilder.For(Teams).Named("Acme").WithAliases("Roadrunner").LinkedTo("C01").WithStakeholders(3).Build());

        Assert.Null(await store.GetAsync(Teams, slackMap.Id, CancellationToken.None));
        Assert.Null(await store.GetAsync(Slack, teamsMap.Id, CancellationToken.None));
        Assert.Equal(slackMap.Id, (await store.GetAsync(Slack, slackMap.Id, CancellationToken.None))?.Id);

        Assert.Equal(slackMap.Id, (await store.FindByNameAsync(Slack, "acme", CancellationToken.None))?.Id);
        Assert.Equal(teamsMap.Id, (await store.FindByNameAsync(Teams, "ACME", CancellationToken.None))?.Id);
        Assert.Equal(teamsMap.Id, (await store.FindByNameAsync(Teams, "roadrunner", CancellationToken.None))?.Id);
        Assert.Null(await store.FindByNameAsync(Empty, "acme", CancellationToken.None));
        Assert.Null(await store.FindByNameAsync(Empty, "roadrunner", CancellationToken.None));

        Assert.Equal([slackMap.Id], (await store.ListAsync(Slack, CancellationToken.None)).Select(m => m.Id));
        Assert.Equal([teamsMap.Id], (await store.ListAsync(Teams, CancellationToken.None)).Select(m => m.Id));
        Assert.Empty(await store.ListAsync(Empty, CancellationToken.None));
        Assert.Empty(await store.ListNameCandidatesAsync(Empty, string.Empty, CancellationToken.None));
        Assert.Equal(["acme"], await store.ListNameCandidatesAsync(Teams, string.Empty, CancellationToken.None));

        Assert.Equal([slackMap.Id], (await store.ListLinkedToChannelAsync(Slack, "C01", CancellationToken.None)).Select(m => m.Id));
        Assert.Equal([teamsMap.Id], (await store.ListLinkedToChannelAsync(Teams, "C01", CancellationToken.None)).Select(m => m.Id));
        Assert.Empty(await store.ListLinkedToChannelAsync(Empty, "C01", CancellationToken.None));

        Assert.Empty(await store.GetHistoryAsync(Teams, slackMap.Id, 10, CancellationToken.None));
        Assert.Single(await store.GetHistoryAsync(Slack, slackMap.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_MapIdFromAnotherWorkspace_DoesNotTouchIt()
    {
        var store = Maps;
        var slackMap = await SaveNewAsync(store, MapBuilder.For(Slack).Named("Acme").Build());

        // A forged write: the Slack map's id and version, claimed by the Teams workspace.
        var forged = slackMap with { Workspace = Teams, Name = "Hijacked" };
        var result = await store.SaveAsync(new MapWrite(forged, new HistoryEntry(forged.Id, 2, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "edited", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        Assert.Equal("Acme", (await store.GetAsync(Slack, slackMap.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task SaveAsync_SameIdempotencyKeyInTwoWorkspaces_BothApplied()
    {
        var store = Maps;
        var slackMap = await SaveNewAsync(store, MapBuilder.For(Slack).Named("Acme").Build());
        var teamsMap = await SaveNewAsync(store, MapBuilder.For(Teams).Named("Acme").Build());
        var stamp = new Stamp(MapBuilder.DefaultTime, MapBuilder.DefaultUser);

        var a = slackMap.AddStakeholder(StakeholderBuilder.Named("Ann").Build(), stamp);
        var b = teamsMap.AddStakeholder(StakeholderBuilder.Named("Ann").Build(), stamp);
        var first = await store.SaveAsync(a with { IdempotencyKey = "view-1" }, CancellationToken.None);
        var second = await store.SaveAsync(b with { IdempotencyKey = "view-1" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Saved, second.Outcome);
    }

    [Fact]
    public async Task ChannelSettings_SameChannelIdInTwoWorkspaces_EachSeesOnlyItsOwn()
    {
        var store = Settings;
        await store.TrySaveAsync(new ChannelSettings { Workspace = Slack, ChannelId = "C01", TimeZone = "America/New_York" }, CancellationToken.None);
        await store.TrySaveAsync(new ChannelSettings { Workspace = Teams, ChannelId = "C01", TimeZone = "Europe/Berlin" }, CancellationToken.None);

        Assert.Equal("America/New_York", (await store.GetAsync(Slack, "C01", CancellationToken.None))?.TimeZone);
        Assert.Equal("Europe/Berlin", (await store.GetAsync(Teams, "C01", CancellationToken.None))?.TimeZone);
        Assert.Null(await store.GetAsync(Empty, "C01", CancellationToken.None));
    }
}
