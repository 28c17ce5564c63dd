using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features.Admin;

/// <summary>Private maps and the admin verbs through the dispatcher, as the adapters call it.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private static readonly RequestContext Owner = new(CoreHarness.WorkspaceA, new UserRef("U1", "Ana Rep"), new ChannelRef("C1", "deals"));
    private static readonly RequestContext Colleague = new(CoreHarness.WorkspaceA, new UserRef("U2", "Bo"), new ChannelRef("C2", "random"));
    private static readonly RequestContext Admin = new(CoreHarness.WorkspaceA, new UserRef("U9", "Ada Admin"), new ChannelRef("C3", "ops"));
    private readonly StubWorkspaceAdmins workspaceAdmins = new();
    private readonly CoreHarness harness;

    public AdminCommandTests()
    {
        harness = new CoreHarness(workspaceAdmins: workspaceAdmins);
        harness.Admins.Slack.Add("U9");
    }

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Create_InAPrivateChannel_MapIsPrivate()
    {
        var map = Assert.IsType<MapView>(await harness.SendAsync("map Hush create", Owner with { PrivateChannel = true }));

        Assert.True(map.IsPrivate);
        Assert.Equal(MapVisibility.Private, (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Hush", CancellationToken.None))!.Visibility);
        Assert.False(Assert.IsType<MapView>(await harness.SendAsync("map Open create", Owner)).IsPrivate);
    }

    [Fact]
    public async Task PrivateMap_ElsewhereTheSameAsAMissingMap_InItsChannelAndForItsOwnerShown()
    {
        var missing = Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Hush", Colleague));
        await harness.SendAsync("map Hush create", Owner with { PrivateChannel = true });

        var hidden = Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Hush", Colleague));
        Assert.Equal((missing.RequestedName, missing.CreateCommand), (hidden.RequestedName, hidden.CreateCommand));
        Assert.Equal(missing.Suggestions, hidden.Suggestions);
        Assert.Empty(Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Hus", Colleague)).Suggestions);
        Assert.Equal(0, Assert.IsType<MapListView>(await harness.SendAsync("map list", Colleague)).TotalCount);
        Assert.IsType<MapView>(await harness.SendAsync("map Hush", Colleague with { Channel = Owner.Channel }));
        Assert.IsType<MapView>(await harness.SendAsync("map Hush", Owner with { Channel = Colleague.Channel }));
        Assert.Equal(["Hush"], Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Hus", Owner with { Channel = Colleague.Channel })).Suggestions);
    }

    [Fact]
    public async Task MakePrivate_RevokesTheLinksPostedSoFar_PublicDoesNot()
    {
        await harness.SendAsync("map Acme create", Owner);
        var epoch = await EpochAsync();

        await harness.SendAsync("map Acme private", Owner);
        Assert.Equal(epoch + 1, await EpochAsync());
        await harness.SendAsync("map Acme public", Owner);
        Assert.Equal(epoch + 1, await EpochAsync());
    }

    [Fact]
    public async Task Visibility_ByAColleague_RefusedNamingTheOwnerAndTheSetting()
    {
        await harness.SendAsync("map Acme create", Owner);

        var refusal = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme private", Colleague));

        Assert.Equal("Only Acme's owner, Ana Rep, or an admin can make it public or private. Admins are named in the Admins:Slack setting, and the workspace's own admins and owners count too.", refusal.Text);
        Assert.Equal(MapVisibility.Public, (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!.Visibility);
    }

    [Fact]
    public async Task Delete_ByAWorkspaceAdminThePlatformNames_AsksThenDeletes()
    {
        await harness.SendAsync("map Acme create", Owner);
        var workspaceAdmin = Colleague with { User = new UserRef("U7", "Wanda Owner") };
        workspaceAdmins.Admins.Add("U7");

        Assert.IsType<ConfirmDeleteMapView>(await harness.SendAsync("map Acme delete", workspaceAdmin));
        var done = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme confirm-delete", workspaceAdmin));

        Assert.Equal("Wanda Owner deleted the map Acme.", done.Text);
        Assert.Null(await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_PrivateMapByAnAdminElsewhere_FoundAndDeleted_ByAColleagueMissing()
    {
        await harness.SendAsync("map Hush create", Owner with { PrivateChannel = true });

        Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Hush confirm-delete", Colleague));
        var done = Assert.IsType<NoticeView>(await harness.SendAsync("map Hush confirm-delete", Admin));

        Assert.Equal(ReplyVisibility.OnlyMe, done.Visibility);
        Assert.Null(await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Hush", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_ConfirmedByANonAdmin_RefusedAndKept()
    {
        await harness.SendAsync("map Acme create", Owner);

        var refusal = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme confirm-delete", Owner));

        Assert.StartsWith("Only an admin can delete a map.", refusal.Text, StringComparison.Ordinal);
        Assert.NotNull(await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None));
    }

    [Fact]
    public async Task Reassign_ByName_WhenTheDepartedRepCannotBeMentioned_MatchesTheNameTheMapShows()
    {
        await SeedOwnedAsync("Acme", "Jane", new UserRef("U5", "Old Rep"));
        await SeedOwnedAsync("Globex", "John", new UserRef("U5", "Old Rep"));

        var summary = Assert.IsType<NoticeView>(await harness.SendAsync("map reassign \"old rep\" <@U6|new.rep>", Admin));

        Assert.Equal("Ada Admin reassigned 2 relationships from Old Rep to new.rep on Acme, Globex.", summary.Text);
        Assert.Equal(ReplyVisibility.OnlyMe, summary.Visibility);
        var acme = await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None);
        Assert.Equal(new UserRef("U6", "new.rep"), acme!.Stakeholders.Single().RelationshipOwner);
    }

    [Fact]
    public async Task Reassign_NothingOwned_SaysSoAndChangesNothing()
    {
        await harness.SendAsync("map Acme create", Owner);
        var before = await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None);

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map reassign <@U5|old> <@U6|new>", Admin));

        Assert.Equal("old owns no relationship on any map you can see; nothing changed.", reply.Text);
        Assert.Equal(before!.Version, (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Owner_ByAnAdmin_ChangedAndInHistory()
    {
        await harness.SendAsync("map Acme create", Owner);

        var map = Assert.IsType<MapView>(await harness.SendAsync("map Acme owner <@U2|Bo>", Admin));

        Assert.Equal("Bo", map.OwnerName);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, map.MapId, 1, CancellationToken.None);
        Assert.Equal(("made Bo the owner", "U9"), (history[0].Summary, history[0].By.Id));
    }

    private async Task<int> EpochAsync() => (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!.LinkEpoch;

    private async Task SeedOwnedAsync(string account, string person, UserRef rep)
    {
        var stamp = new Stamp(harness.Time.GetUtcNow(), Owner.User);
        var created = AccountMap.Create(CoreHarness.WorkspaceA, account, MapKind.Sales, stamp, Owner.Channel);
        var saved = (await harness.Store.SaveAsync(created, CancellationToken.None)).Map!;
        var added = saved.AddStakeholder(new Stakeholder { Id = Guid.NewGuid(), Name = person, RelationshipOwner = rep }, stamp);
        await harness.Store.SaveAsync(added, CancellationToken.None);
    }

    private sealed class StubWorkspaceAdmins : IWorkspaceAdmins
    {
        public List<string> Admins { get; } = [];

        public Platform Platform => Platform.Slack;

        public Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken) =>
            Task.FromResult(Admins.Contains(userId));
    }
}
