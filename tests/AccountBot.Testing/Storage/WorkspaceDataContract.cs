using AccountBot.Adapters.Installations;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Core.Workspaces;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// A workspace's data taken as a whole (<see cref="IWorkspaceDataStore"/>): deleted, exported and scheduled for
/// deletion, with a neighbour whose key starts the same (<c>T0GONE2</c>) that must keep everything.
/// </summary>
public abstract class WorkspaceDataContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Gone = WorkspaceKey.ForSlack(null, "T0GONE");
    private static readonly WorkspaceKey Stays = WorkspaceKey.ForSlack(null, "T0GONE2");

    [Fact]
    public async Task DeleteNow_ThenReopen_NothingOfTheWorkspaceIsLeft_AndItsNeighbourKeepsEverything()
    {
        var gone = await SeedAsync(Gone);
        var stays = await SeedAsync(Stays);
        var neighbourBefore = await Workspaces.CountAsync(Stays, CancellationToken.None);

        var deleted = await Removals().DeleteNowAsync(Gone, CancellationToken.None);

        Assert.Equal((1, 2, 1, 2, 1, 1, 1, 1), (deleted.Maps, deleted.HistoryEntries, deleted.ChannelSettings, deleted.Conversations, deleted.Digests, deleted.IdempotencyKeys, deleted.Installations, deleted.NotifySettings));
        Assert.Null(await Imports.FindAsync(Gone, gone.MapId, gone.ImportId, CancellationToken.None));
        Assert.NotNull(await Imports.FindAsync(Stays, stays.MapId, stays.ImportId, CancellationToken.None));
        await ReopenAsync();
        Assert.Empty(await Maps.ListAsync(Gone, CancellationToken.None));
        Assert.Null(await Maps.GetAsync(Gone, gone.MapId, CancellationToken.None));
        Assert.Null(await Maps.FindByNameAsync(Gone, "Acme T0GONE", CancellationToken.None));
        Assert.Empty(await Maps.GetHistoryAsync(Gone, gone.MapId, int.MaxValue, CancellationToken.None));
        Assert.False(await Maps.IsAppliedAsync(Gone, "form-T0GONE", CancellationToken.None));
        Assert.Empty(await Settings.ListAsync(Gone, CancellationToken.None));
        Assert.Null(await Conversations.GetAsync(Gone, "C01", CancellationToken.None));
        Assert.Empty(await Outbox.ListKeysAsync(Gone, CancellationToken.None));
        Assert.Null(await Installations.GetAsync(Gone.Value, CancellationToken.None));
        Assert.Empty(await NotifySettings.ListAsync(Gone, CancellationToken.None));
        Assert.Null(await NotifySettings.GetAsync(Gone, "UT0GONE", CancellationToken.None));
        Assert.Null(await Conversations.GetAsync(Gone, ConversationAddress.UserChannelId("UT0GONE"), CancellationToken.None));
        Assert.Equal(0, (await Workspaces.CountAsync(Gone, CancellationToken.None)).Total);

        Assert.Equal(neighbourBefore, await Workspaces.CountAsync(Stays, CancellationToken.None));
        Assert.Equal(2, (await Maps.GetHistoryAsync(Stays, stays.MapId, int.MaxValue, CancellationToken.None)).Count);
        Assert.True(await Maps.IsAppliedAsync(Stays, "form-T0GONE2", CancellationToken.None));
        Assert.NotNull(await Maps.FindByNameAsync(Stays, "Acme T0GONE2", CancellationToken.None));
        Assert.Single(await Settings.ListAsync(Stays, CancellationToken.None));
        Assert.NotNull(await Conversations.GetAsync(Stays, "C01", CancellationToken.None));
        Assert.Single(await Outbox.ListKeysAsync(Stays, CancellationToken.None));
        Assert.Equal("xoxb-T0GONE2", (await Installations.GetAsync(Stays.Value, CancellationToken.None))?.BotToken);
        Assert.Equal(NotifyMode.Weekly, (await NotifySettings.GetAsync(Stays, "UT0GONE2", CancellationToken.None))?.Mode);
    }

    [Fact]
    public async Task ExportAsync_HoldsEveryRecordOfTheWorkspace_NothingOfItsNeighbour_NorTheBotToken()
    {
        await SeedAsync(Gone);
        await SeedAsync(Stays);

        var export = await Workspaces.ExportAsync(Gone, CancellationToken.None);

        Assert.Equal(Gone, export.Workspace);
        var text = string.Join('\n', export.Tables.Values.SelectMany(t => t));
        foreach (var expected in new[] { "Acme T0GONE\"", "Zelda T0GONE\"", "form-T0GONE\"", "Europe/Berlin", "C01;messageid=1", "gaps of T0GONE\"", "T0GONE Inc", "\"UT0GONE\"", "Pacific/Auckland", "29:teams-UT0GONE\"" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("T0GONE2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-", text, StringComparison.Ordinal);
        Assert.Equal((await Workspaces.CountAsync(Gone, CancellationToken.None)).Total, export.Records);
    }

    [Fact]
    public async Task ScheduleRemovalAsync_Twice_KeepsTheFirstDate_AndSurvivesAReopen()
    {
        var now = Time.GetUtcNow();
        var first = new WorkspaceRemoval(Gone, now, now.AddDays(30), "app_uninstalled");

        Assert.Equal(first, await Workspaces.ScheduleRemovalAsync(first, CancellationToken.None));
        Assert.Equal(first, await Workspaces.ScheduleRemovalAsync(first with { ScheduledAt = now.AddDays(1), DeleteAfter = now.AddDays(31), Reason = "tokens_revoked" }, CancellationToken.None));

        await ReopenAsync();
        Assert.Equal([first], await Workspaces.ListRemovalsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIfDueAsync_BeforeItsDate_NothingDeleted_AtItsDate_DeletedOnce()
    {
        var gone = await SeedAsync(Gone);
        await SeedAsync(Stays);
        var at = Time.GetUtcNow().AddDays(30);
        await Workspaces.ScheduleRemovalAsync(new WorkspaceRemoval(Gone, Time.GetUtcNow(), at, "app_uninstalled"), CancellationToken.None);

        Assert.Null(await Workspaces.DeleteIfDueAsync(Gone, at.AddTicks(-1), CancellationToken.None));
        Assert.NotNull(await Maps.GetAsync(Gone, gone.MapId, CancellationToken.None));

        var deleted = await Workspaces.DeleteIfDueAsync(Gone, at, CancellationToken.None);

        Assert.Equal(1, deleted?.Maps);
        Assert.Null(await Maps.GetAsync(Gone, gone.MapId, CancellationToken.None));
        Assert.Empty(await Workspaces.ListRemovalsAsync(CancellationToken.None));
        Assert.Null(await Workspaces.DeleteIfDueAsync(Gone, at, CancellationToken.None));
        Assert.Single(await Maps.ListAsync(Stays, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIfDueAsync_AfterTheRemovalWasCancelled_DeletesNothing()
    {
        var gone = await SeedAsync(Gone);
        var now = Time.GetUtcNow();
        await Workspaces.ScheduleRemovalAsync(new WorkspaceRemoval(Gone, now, now, "app_uninstalled"), CancellationToken.None);

        Assert.True(await Workspaces.CancelRemovalAsync(Gone, CancellationToken.None));

        Assert.False(await Workspaces.CancelRemovalAsync(Gone, CancellationToken.None));
        Assert.Null(await Workspaces.DeleteIfDueAsync(Gone, now.AddDays(1), CancellationToken.None));
        Assert.NotNull(await Maps.GetAsync(Gone, gone.MapId, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIfDueAsync_TwoCallersAtOnce_ExactlyOneDeletes()
    {
        await SeedAsync(Gone);
        var now = Time.GetUtcNow();
        await Workspaces.ScheduleRemovalAsync(new WorkspaceRemoval(Gone, now, now, "app_uninstalled"), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Workspaces.DeleteIfDueAsync(Gone, now, CancellationToken.None))));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, results.Single(r => r is not null)!.Maps);
    }

    [Fact]
    public async Task ListWorkspacesAsync_NamesEveryWorkspaceWithData_NotOneDeleted()
    {
        await SeedAsync(Gone);
        await SeedAsync(Stays);
        Assert.Equal([Gone, Stays], await Workspaces.ListWorkspacesAsync(CancellationToken.None));

        await Workspaces.DeleteAsync(Gone, CancellationToken.None);

        Assert.Equal([Stays], await Workspaces.ListWorkspacesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForgetConversationAsync_APersonsAddressIsNotCounted_SoTheLastConversationGoneStillMeansRemoved()
    {
        await Conversations.SaveAsync(Address(Gone, "19:general@thread.tacv2", "19:general@thread.tacv2"), CancellationToken.None);
        await Conversations.SaveAsync(UserAddress(Gone, "UT0GONE"), CancellationToken.None);

        Assert.Equal(0, await Workspaces.ForgetConversationAsync(Gone, "19:general@thread.tacv2", CancellationToken.None));

        Assert.NotNull(await Conversations.GetAsync(Gone, ConversationAddress.UserChannelId("UT0GONE"), CancellationToken.None));
    }

    [Fact]
    public async Task ForgetConversationAsync_ForgetsThatConversationOnly_AndCountsTheWorkspacesAddressesLeft()
    {
        await Conversations.SaveAsync(Address(Gone, "19:general@thread.tacv2", "19:general@thread.tacv2"), CancellationToken.None);
        await Conversations.SaveAsync(Address(Gone, "chat-ada", "a:1ada-personal"), CancellationToken.None);
        await Conversations.SaveAsync(Address(Stays, "19:general@thread.tacv2", "19:general@thread.tacv2"), CancellationToken.None);

        Assert.Equal(1, await Workspaces.ForgetConversationAsync(Gone, "19:general@thread.tacv2", CancellationToken.None));

        Assert.Null(await Conversations.GetAsync(Gone, "19:general@thread.tacv2", CancellationToken.None));
        Assert.NotNull(await Conversations.GetAsync(Stays, "19:general@thread.tacv2", CancellationToken.None));
        Assert.Equal(0, await Workspaces.ForgetConversationAsync(Gone, "a:1ada-personal", CancellationToken.None));
        Assert.Null(await Conversations.GetAsync(Gone, "chat-ada", CancellationToken.None));
    }

    private ConversationAddress Address(WorkspaceKey workspace, string channelId, string conversationId) =>
        new() { Workspace = workspace, ChannelId = channelId, ConversationId = conversationId, UpdatedAt = Time.GetUtcNow() };

    private ConversationAddress UserAddress(WorkspaceKey workspace, string userId) => new()
    {
        Workspace = workspace,
        ChannelId = ConversationAddress.UserChannelId(userId),
        ConversationId = "29:teams-" + userId,
        ServiceUrl = "https://smba.example/teams/",
        ConversationType = ConversationAddress.UserType,
        UpdatedAt = Time.GetUtcNow(),
    };

    private WorkspaceRemovals Removals() =>
        new(Workspaces, Maps, Imports, new WorkspaceRemovalPolicy(TimeSpan.FromDays(30)), Time, NullLogger<WorkspaceRemovals>.Instance);

    /// <summary>One record of every kind, each naming the workspace's team id so an export can be searched for it.</summary>
    private async Task<(Guid MapId, string ImportId)> SeedAsync(WorkspaceKey workspace)
    {
        var team = workspace.Value["slack:".Length..];
        var map = await SaveNewAsync(Maps, MapBuilder.For(workspace).Named($"Acme {team}").Build());
        var zelda = new Stakeholder { Id = Guid.NewGuid(), Name = $"Zelda {team}" };
        var stamp = new Stamp(Time.GetUtcNow(), MapBuilder.DefaultUser);
        var saved = await Maps.SaveAsync(
            new MapWrite(map with { Stakeholders = [zelda], Updated = stamp }, new HistoryEntry(map.Id, map.Version + 1, stamp.At, stamp.By, $"added Zelda {team}", []), $"form-{team}"),
            CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.NotNull(await Settings.TrySaveAsync(new ChannelSettings { Workspace = workspace, ChannelId = "C01", TimeZone = "Europe/Berlin" }, CancellationToken.None));
        await Conversations.SaveAsync(Address(workspace, "C01", "C01;messageid=1"), CancellationToken.None);
        var key = new DigestKey(workspace, "C01", "2026-W49");
        var item = new DigestItem { MapId = map.Id, Name = map.Name, Owner = MapBuilder.DefaultUser, Gaps = [], Summary = $"gaps of {team}", Severity = 1, CommandName = map.Name };
        Assert.True(await Outbox.TryAddAsync(
            new OutboxEntry { Key = key, State = OutboxState.Pending, Digest = new PlannedDigest(key, new ChannelRef("C01"), Time.GetUtcNow(), new Digest([item], 0)), CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow() },
            CancellationToken.None));
        await Installations.SaveAsync(new WorkspaceInstallation { Key = workspace.Value, TeamId = team, TeamName = $"{team} Inc", BotToken = $"xoxb-{team}", InstalledAt = Time.GetUtcNow() }, CancellationToken.None);
        await NotifySettings.SaveAsync(new NotifySetting(workspace, "U" + team, NotifyMode.Weekly, "Pacific/Auckland", Time.GetUtcNow()), CancellationToken.None);
        await Conversations.SaveAsync(UserAddress(workspace, "U" + team), CancellationToken.None);
        var import = await Imports.AddAsync(workspace, map.Id, [new CsvRow(2, new Dictionary<CsvColumn, string> { [CsvColumn.Name] = $"Zelda {team}" })], 0, CancellationToken.None);
        return (map.Id, import!);
    }
}
