using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The map store's guards that no other test pinned down (issue #18, round 3): a cancelled call throws and changes
/// nothing, and a retried create loses to the first (bad arguments, the history limit and the workspace listing are in
/// StoreMutationContract since round 5, for both stores).
/// </summary>
public sealed class LiteDbAccountMapStoreMutationTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Cancelled => new(canceled: true);

    [Fact]
    public void Constructor_NullArgument_RefusedNamingIt()
    {
        using var context = _db.Open();
        var logger = NullLogger<LiteDbAccountMapStore>.Instance;

        Assert.Equal("context", Assert.Throws<ArgumentNullException>(() => new LiteDbAccountMapStore(null!, _db.Time, logger)).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentNullException>(() => new LiteDbAccountMapStore(context, null!, logger)).ParamName);
        Assert.Equal("logger", Assert.Throws<ArgumentNullException>(() => new LiteDbAccountMapStore(context, _db.Time, null!)).ParamName);
    }

    [Fact]
    public async Task Reads_CancelledBeforehand_Throw()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var map = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").LinkedTo("C01").Build());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(Workspace, map.Id, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindByNameAsync(Workspace, "Acme", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(Workspace, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListNameCandidatesAsync(Workspace, "acme", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListWorkspacesAsync(Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListLinkedToChannelAsync(Workspace, "C01", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetHistoryAsync(Workspace, map.Id, 10, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.IsAppliedAsync(Workspace, "key-1", Cancelled));
    }

    [Fact]
    public async Task Writes_CancelledBeforehand_ThrowAndChangeNothing()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var applied = MapBuilder.For(Workspace).Named("Applied").Build();
        var history = new HistoryEntry(applied.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "created", []);
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(new MapWrite(applied, history, "key-1"), CancellationToken.None)).Outcome);
        var map = MapBuilder.For(Workspace).Named("Acme").Build();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.SaveAsync(new MapWrite(map, history with { MapId = map.Id }), Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.PruneIdempotencyKeysAsync(MapBuilder.DefaultTime.AddYears(1), Cancelled));

        Assert.Null(await store.GetAsync(Workspace, map.Id, CancellationToken.None));
        Assert.True(await store.IsAppliedAsync(Workspace, "key-1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_SameNewMapTwice_VersionConflictWithTheFirst()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var map = MapBuilder.For(Workspace).Named("Acme").Build();
        var first = await TempDatabase.SaveNewAsync(store, map);

        var again = await store.SaveAsync(
            new MapWrite(map with { Name = "Acme Retried" }, new HistoryEntry(map.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "created", [])),
            CancellationToken.None);

        Assert.Equal(SaveOutcome.VersionConflict, again.Outcome);
        Same.Equal(first, again.Map);
        Assert.Single(await store.GetHistoryAsync(Workspace, map.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task FindByNameAsync_NameOfOneAliasOfAnotherReadFromTheFile_PrefersName()
    {
        // The same rule as FindByNameAsync_NameOfOneAliasOfAnother_PrefersName, with nothing cached: the query decides.
        Guid initech;
        using (var context = _db.Open())
        {
            var store = _db.MapStore(context);
            await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Globex").WithAliases("Initech").Build());
            initech = (await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Initech").Build())).Id;
        }

        using var reopened = _db.Open();
        var found = await _db.MapStore(reopened).FindByNameAsync(Workspace, "initech", CancellationToken.None);

        Assert.Equal(initech, found?.Id);
    }
}
