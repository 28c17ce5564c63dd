using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;
using AccountBot.Testing.Builders;
using LiteDB;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The map store's rules that round 3 of mutation testing (issue #18) left unstated: a save that fails between its
/// writes leaves nothing behind and the cache answers without reading the file (the 250-name boundary of "did you
/// mean" is in StoreMutationContract since round 5, for both stores). To see whether the file is read, a test changes a document behind the store's back (in production
/// no other writer exists: the lock file keeps other processes out), so an answer from memory and one from the file differ.
/// </summary>
public sealed class LiteDbAccountMapStoreRound4MutationTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveAsync_FailsAfterTheMapIsWritten_MapNeitherVisibleNorCommittedByALaterSave()
    {
        using (var context = _db.Open())
        {
            var store = _db.MapStore(context);
            var map = MapBuilder.For(Workspace).Named("Acme").Build();

            // A history row already at the new map's (workspace, map, version 1) key: the history insert, after the
            // map's own insert in the same transaction, hits the primary key.
            context.History.Insert(HistoryEntryDocument.From(Workspace, new HistoryEntry(map.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "stray", [])));
            var write = new MapWrite(map, new HistoryEntry(map.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "created", []));

            var error = Assert.Throws<LiteException>(() => store.SaveAsync(write, CancellationToken.None).GetAwaiter().GetResult());
            Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, error.ErrorCode);

            Assert.Null(await store.GetAsync(Workspace, map.Id, CancellationToken.None));
            Assert.Null(await store.FindByNameAsync(Workspace, "Acme", CancellationToken.None));
            await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Zenith").Build());
        }

        using var reopened = _db.Open();
        Assert.Equal(["Zenith"], (await _db.MapStore(reopened).ListAsync(Workspace, CancellationToken.None)).Select(m => m.Name));
    }

    [Fact]
    public async Task GetAsync_MapSavedByThisStore_AnsweredFromMemory()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var saved = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        ChangeBehindTheStore(context, saved with { Name = "Changed", Version = saved.Version + 1 });

        Assert.Equal("Acme", (await store.GetAsync(Workspace, saved.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task FindByNameAsync_MapSavedByThisStore_AnsweredFromMemory()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var saved = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        ChangeBehindTheStore(context, saved with { Name = "Changed", Version = saved.Version + 1 });

        Assert.Equal(saved.Id, (await store.FindByNameAsync(Workspace, "acme", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task GetAsync_MapReadOnceFromTheFile_NextTimeFromMemory()
    {
        Guid id;
        using (var writer = _db.Open())
        {
            id = (await TempDatabase.SaveNewAsync(_db.MapStore(writer), MapBuilder.For(Workspace).Named("Acme").Build())).Id;
        }

        using var context = _db.Open();
        var store = _db.MapStore(context);
        var read = (await store.GetAsync(Workspace, id, CancellationToken.None))!;
        ChangeBehindTheStore(context, read with { Name = "Changed", Version = read.Version + 1 });

        Assert.Equal("Acme", (await store.GetAsync(Workspace, id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task ListAsync_VersionInTheFileUnchanged_CachedCopyReused()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var saved = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        ChangeBehindTheStore(context, saved with { Name = "Changed" });

        Assert.Equal(["Acme"], (await store.ListAsync(Workspace, CancellationToken.None)).Select(m => m.Name));
    }

    private static void ChangeBehindTheStore(LiteDbContext context, AccountMap map) =>
        Assert.True(context.Maps.Update(AccountMapDocument.From(map)));
}
