using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;

namespace AccountBot.Storage.LiteDb.Tests;

public sealed class MapCacheTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task DocumentChangedBehindTheStore_ListsSeeItAtOnce_ASingleLookupAfterARestart()
    {
        using (var context = _db.Open())
        {
            var store = _db.MapStore(context);
            var map = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
            Assert.NotNull(await store.GetAsync(Workspace, map.Id, CancellationToken.None));

            // Change the file without the store (as a repair would; the lock file keeps other processes out).
            var document = context.Maps.FindById($"{Workspace.Value}|{map.Id:N}");
            document.Name = "Acme Renamed";
            document.Version = 2;
            context.Maps.Update(document);

            // Lists read each match's version from the file and never reuse an older entry.
            Assert.Equal("Acme Renamed", Assert.Single(await store.ListAsync(Workspace, CancellationToken.None)).Name);
        }

        // Single lookups trust what this process wrote or read; a new process (a new context) reads the file.
        using var reopened = _db.Open();
        var fresh = _db.MapStore(reopened);
        var reloaded = Assert.Single(await fresh.ListAsync(Workspace, CancellationToken.None));
        Assert.Equal("Acme Renamed", (await fresh.GetAsync(Workspace, reloaded.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task SaveAsync_Renamed_TheOldNameNoLongerFindsTheMap_TheNewOneDoes()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var map = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        Assert.NotNull(await store.FindByNameAsync(Workspace, "acme", CancellationToken.None));

        var stamp = new Stamp(MapBuilder.DefaultTime, MapBuilder.DefaultUser);
        var renamed = map with { Name = "Globex" };
        var saved = await store.SaveAsync(new MapWrite(renamed, new HistoryEntry(map.Id, map.Version + 1, stamp.At, stamp.By, "renamed", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Null(await store.FindByNameAsync(Workspace, "Acme", CancellationToken.None));
        Assert.Equal(map.Id, (await store.FindByNameAsync(Workspace, "globex", CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task FindByNameAsync_OtherWorkspaceSameName_NeverServedFromTheCache()
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        Assert.NotNull(await store.FindByNameAsync(Workspace, "Acme", CancellationToken.None));

        Assert.Null(await store.FindByNameAsync(WorkspaceKey.ForSlack(null, "T02"), "Acme", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ThenReadFromAnotherStore_SeesTheSave()
    {
        using var context = _db.Open();
        var writer = _db.MapStore(context);
        var reader = _db.MapStore(context);
        var map = await TempDatabase.SaveNewAsync(writer, MapBuilder.For(Workspace).Named("Acme").Build());
        Assert.Empty((await reader.GetAsync(Workspace, map.Id, CancellationToken.None))!.Stakeholders);

        var stamp = new Stamp(MapBuilder.DefaultTime, MapBuilder.DefaultUser);
        var change = map.AddStakeholder(StakeholderBuilder.Named("Ann").Build(), stamp);
        await writer.SaveAsync(change, CancellationToken.None);

        Assert.Single((await reader.GetAsync(Workspace, map.Id, CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public void Put_OlderVersionAfterNewer_KeepsNewer()
    {
        var cache = new MapCache(10);
        var v1 = MapBuilder.For(Workspace).Build() with { Version = 1 };
        var v2 = v1 with { Version = 2, Name = "Newer" };

        cache.Put("a", v2);
        cache.Put("a", v1);

        Assert.False(cache.TryGet("a", 1, out _));
        Assert.True(cache.TryGet("a", 2, out var hit));
        Assert.Same(v2, hit);
    }

    [Fact]
    public void Put_BeyondCapacity_DropsLeastRecentlyUsed()
    {
        var cache = new MapCache(10);
        var maps = Enumerable.Range(0, 11).Select(i => MapBuilder.For(Workspace).Named($"M{i}").Build() with { Version = 1 }).ToList();
        for (var i = 0; i < 10; i++)
        {
            cache.Put($"m{i}", maps[i]);
        }

        Assert.True(cache.TryGet("m0", 1, out _));
        cache.Put("m10", maps[10]);

        Assert.True(cache.Count <= 10);
        Assert.True(cache.TryGet("m0", 1, out _));
        Assert.True(cache.TryGet("m10", 1, out _));
        Assert.False(cache.TryGet("m1", 1, out _));
    }

    [Fact]
    public void Put_CapacityZero_CachesNothing()
    {
        var cache = new MapCache(0);

        cache.Put("a", MapBuilder.For(Workspace).Build() with { Version = 1 });

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("a", 1, out _));
    }
}
