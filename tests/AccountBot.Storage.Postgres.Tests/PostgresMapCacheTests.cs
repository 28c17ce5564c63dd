using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// The map cache on PostgreSQL: a map read once is handed out again while its stored version is the same, and what
/// another instance (its own pool and cache) saves is read at once, by id, by name, in lists and by channel.
/// </summary>
public sealed class PostgresMapCacheTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");

    private readonly NpgsqlDataSource _firstPool = database.OpenDataSource();
    private readonly NpgsqlDataSource _secondPool = database.OpenDataSource();
    private readonly FakeTimeProvider _time = new(MapBuilder.DefaultTime);
    private PostgresAccountMapStore _first = null!;
    private PostgresAccountMapStore _second = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _first = new PostgresAccountMapStore(_firstPool, _time, NullLogger<PostgresAccountMapStore>.Instance);
        _second = new PostgresAccountMapStore(_secondPool, _time, NullLogger<PostgresAccountMapStore>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _firstPool.DisposeAsync();
        await _secondPool.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_NothingSavedSince_TheMapReadBeforeIsHandedOutAgain()
    {
        var id = await CreateAsync("Acme");
        var once = await _first.GetAsync(Workspace, id, CancellationToken.None);

        var again = await _first.GetAsync(Workspace, id, CancellationToken.None);
        var listed = Assert.Single(await _first.ListAsync(Workspace, CancellationToken.None));

        Assert.Same(once, again);
        Assert.Same(once, listed);
    }

    [Fact]
    public async Task Reads_AfterAnotherInstanceSaved_SeeItsVersionAtOnce()
    {
        var id = await CreateAsync("Acme");
        await CreateAsync("Globex");
        _ = await _first.GetAsync(Workspace, id, CancellationToken.None);
        _ = await _first.ListAsync(Workspace, CancellationToken.None);

        var current = (await _second.GetAsync(Workspace, id, CancellationToken.None))!;
        var change = current.AddStakeholder(StakeholderBuilder.Named("John Roe").Build(), new Stamp(MapBuilder.DefaultTime, MapBuilder.DefaultUser));
        var saved = await _second.SaveAsync(change, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);

        var byId = await _first.GetAsync(Workspace, id, CancellationToken.None);
        var byName = await _first.FindByNameAsync(Workspace, "acme", CancellationToken.None);
        var listed = (await _first.ListAsync(Workspace, CancellationToken.None)).Single(m => m.Id == id);
        var linked = Assert.Single(await _first.ListLinkedToChannelAsync(Workspace, "C01", CancellationToken.None), m => m.Id == id);

        Assert.All([byId!, byName!, listed, linked], map =>
        {
            Assert.Equal(saved.Map!.Version, map.Version);
            Assert.Contains(map.Stakeholders, s => s.Name == "John Roe");
        });
    }

    [Fact]
    public async Task ListAsync_CacheOff_SameMapsEveryTimeNothingKept()
    {
        await CreateAsync("Acme");
        var uncached = new PostgresAccountMapStore(_firstPool, _time, NullLogger<PostgresAccountMapStore>.Instance, mapCacheSize: 0);

        var once = Assert.Single(await uncached.ListAsync(Workspace, CancellationToken.None));
        var again = Assert.Single(await uncached.ListAsync(Workspace, CancellationToken.None));

        Assert.NotSame(once, again);
        Assert.Equal(once.Version, again.Version);
    }

    private async Task<Guid> CreateAsync(string name)
    {
        var map = MapBuilder.For(Workspace).Named(name).LinkedTo("C01", "deals").WithStakeholders(3).Build();
        var saved = await _first.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", [])), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return saved.Map!.Id;
    }
}
