using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// A map's visibility, owner and deletion (<see cref="IAccountMapStore.DeleteAsync"/>): what every store must keep,
/// read back after a reopen.
/// </summary>
public abstract class MapControlContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ADMIN");
    private static readonly UserRef Admin = new("U0ADMIN", "Ada Admin");

    [Fact]
    public async Task SaveAsync_PrivateMap_ReadsBackPrivateAfterReopen()
    {
        var map = MapBuilder.For(Workspace).Named("Hush").WithStakeholders(1).Build();
        var saved = await SaveNewAsync(Maps, map);
        var change = saved.SetVisibility(MapVisibility.Private, Stamp());
        await Maps.SaveAsync(change, CancellationToken.None);

        await ReopenAsync();

        Assert.Equal(MapVisibility.Private, (await Maps.GetAsync(Workspace, map.Id, CancellationToken.None))!.Visibility);
        Assert.Equal(MapVisibility.Private, (await Maps.FindByNameAsync(Workspace, "hush", CancellationToken.None))!.Visibility);
        Assert.Equal(MapVisibility.Private, Assert.Single(await Maps.ListAsync(Workspace, CancellationToken.None)).Visibility);
    }

    [Fact]
    public async Task DeleteAsync_CurrentVersion_MapGoneEverywhereAndHistoryKeepsWhoDeletedIt()
    {
        var saved = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Gone Corp").WithStakeholders(2).Build());
        var change = saved.Delete(Stamp());

        var result = await Maps.DeleteAsync(change, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        await ReopenAsync();
        Assert.Null(await Maps.GetAsync(Workspace, saved.Id, CancellationToken.None));
        Assert.Null(await Maps.FindByNameAsync(Workspace, "Gone Corp", CancellationToken.None));
        Assert.Empty(await Maps.ListAsync(Workspace, CancellationToken.None));
        Assert.DoesNotContain("gone corp", await Maps.ListNameCandidatesAsync(Workspace, "gone corp", CancellationToken.None));
        var history = await Maps.GetHistoryAsync(Workspace, saved.Id, 10, CancellationToken.None);
        Assert.Equal(("deleted the map Gone Corp", Admin.Id, saved.Version + 1), (history[0].Summary, history[0].By.Id, history[0].Version));
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task DeleteAsync_ThenCreateTheSameName_NewMapSaved()
    {
        var saved = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Again").Build());
        var change = saved.Delete(Stamp());
        await Maps.DeleteAsync(change, CancellationToken.None);

        var again = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Again").Build());

        Assert.Equal(again.Id, (await Maps.FindByNameAsync(Workspace, "Again", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task DeleteAsync_MapChangedSinceItWasRead_VersionConflictAndMapKept()
    {
        var v1 = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Busy").Build());
        var edit = v1.MarkReviewed(Stamp());
        await Maps.SaveAsync(edit, CancellationToken.None);
        var stale = v1.Delete(Stamp());

        var result = await Maps.DeleteAsync(stale, CancellationToken.None);

        Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
        Assert.NotNull(await Maps.GetAsync(Workspace, v1.Id, CancellationToken.None));
        Assert.DoesNotContain(await Maps.GetHistoryAsync(Workspace, v1.Id, 10, CancellationToken.None), h => h.Summary.StartsWith("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_OtherWorkspaceOrMissing_NotFoundAndNothingDeleted()
    {
        var saved = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Mine").Build());
        var change = saved.Delete(Stamp());
        var foreign = change.Map with { Workspace = WorkspaceKey.ForSlack(null, "T0OTHER") };

        var result = await Maps.DeleteAsync(change with { Map = foreign }, CancellationToken.None);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        Assert.NotNull(await Maps.GetAsync(Workspace, saved.Id, CancellationToken.None));
    }

    private Stamp Stamp() => new(Time.GetUtcNow(), Admin);
}
