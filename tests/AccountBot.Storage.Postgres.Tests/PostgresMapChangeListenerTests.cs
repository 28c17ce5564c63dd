using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// Two bot instances (two hosts, each with its own service provider, pool, cache and listener) on one database. A map
/// read by id or by name is answered from memory while the instance listens for map changes, and a change committed
/// by the other instance is read once its notification has been applied; while the listening connection is away every
/// read asks the database again. Queries are counted from Npgsql's own command log of each instance.
/// </summary>
public sealed class PostgresMapChangeListenerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");
    private static readonly Stamp Stamp = new(MapBuilder.DefaultTime, MapBuilder.DefaultUser);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<Instance> _instances = [];

    public Task InitializeAsync() => database.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reads_OnceTheOtherInstancesSaveIsAnnounced_SeeItThenAnswerFromMemory()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var created = b.Seen(Guid.Empty, 1);
        var id = await CreateAsync(a, "Acme");
        await created.WaitAsync(Patience);
        Assert.Equal(1, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);

        var queries = b.Queries;
        var byId = await b.Maps.GetAsync(Workspace, id, CancellationToken.None);
        var byName = await b.Maps.FindByNameAsync(Workspace, "ACME", CancellationToken.None);
        Assert.Equal(queries, b.Queries);
        Assert.Same(byId, byName);

        var announced = b.Seen(id, 2);
        await AddPersonAsync(a, id, "John Roe");
        await announced.WaitAsync(Patience);

        var afterById = (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!;
        var afterByName = (await b.Maps.FindByNameAsync(Workspace, "acme", CancellationToken.None))!;
        Assert.All([afterById, afterByName], map =>
        {
            Assert.Equal(2, map.Version);
            Assert.Contains(map.Stakeholders, s => s.Name == "John Roe");
        });
        queries = b.Queries;
        Assert.Equal(2, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);
        Assert.Equal(queries, b.Queries);
    }

    [Fact]
    public async Task ListeningConnectionKilled_ReadsAskTheDatabaseUntilItIsBack_ThenFromMemoryAgain()
    {
        var a = await StartAsync();
        var time = new FakeTimeProvider(MapBuilder.DefaultTime);
        var b = await StartAsync(time);
        var created = b.Seen(Guid.Empty, 1);
        var id = await CreateAsync(a, "Acme");
        await created.WaitAsync(Patience);
        _ = await b.Maps.GetAsync(Workspace, id, CancellationToken.None);
        var queries = b.Queries;
        _ = await b.Maps.GetAsync(Workspace, id, CancellationToken.None);
        Assert.Equal(queries, b.Queries);

        var lost = b.NextLost();
        await KillAsync(b.Listener.BackendProcessId);
        await lost.WaitAsync(Patience);
        Assert.False(b.Cache.IsListening);

        // A change during the outage is never announced to b: b finds it by asking for the version on every read.
        await AddPersonAsync(a, id, "John Roe");
        queries = b.Queries;
        var duringOutage = (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!;
        var byName = (await b.Maps.FindByNameAsync(Workspace, "acme", CancellationToken.None))!;
        Assert.Equal((2, 2), (duringOutage.Version, byName.Version));
        Assert.Contains(duringOutage.Stakeholders, s => s.Name == "John Roe");
        Assert.True(b.Queries >= queries + 2, $"{b.Queries - queries} queries for two reads during the outage");
        queries = b.Queries;
        _ = await b.Maps.GetAsync(Workspace, id, CancellationToken.None);
        Assert.Equal(queries + 1, b.Queries);

        var back = b.NextListening();
        time.Advance(PostgresMapChangeListener.LastRetry);
        await back.WaitAsync(Patience);

        // Read before the break: checked once more, then trusted.
        queries = b.Queries;
        Assert.Equal(2, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);
        Assert.Equal(queries + 1, b.Queries);
        Assert.Equal(2, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);
        Assert.Equal(2, (await b.Maps.FindByNameAsync(Workspace, "acme", CancellationToken.None))!.Version);
        Assert.Equal(queries + 1, b.Queries);

        var announced = b.Seen(id, 3);
        await AddPersonAsync(a, id, "Jane Poe");
        await announced.WaitAsync(Patience);
        Assert.Equal(3, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task EveryKindOfMapWrite_IsAnnouncedAfterItsCommitOnly()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var acme = await CreateAsync(a, "Acme");
        var globex = await CreateAsync(a, "Globex");
        var initech = await CreateAsync(a, "Initech");
        var ready = b.Seen(initech, 1);
        await ready.WaitAsync(Patience);
        foreach (var (id, name) in new[] { (acme, "acme"), (globex, "globex"), (initech, "initech") })
        {
            Assert.Equal(id, (await b.Maps.FindByNameAsync(Workspace, name, CancellationToken.None))!.Id);
        }

        // A stale save is rolled back: nothing announced; the rename after it is the next change b hears of acme.
        var acmeNow = (await a.Maps.GetAsync(Workspace, acme, CancellationToken.None))!;
        var stale = await a.Maps.SaveAsync(new MapWrite(acmeNow with { Version = 7 }, History(acme, 8, "stale")), CancellationToken.None);
        Assert.Equal(SaveOutcome.VersionConflict, stale.Outcome);
        var renamed = b.Seen(acme, 2);
        Assert.Equal(SaveOutcome.Saved, (await a.Maps.SaveAsync(new MapWrite(acmeNow with { Name = "Acme Renamed" }, History(acme, 2, "renamed")), CancellationToken.None)).Outcome);
        await renamed.WaitAsync(Patience);
        Assert.Equal(new[] { 2 }, b.Changes.Where(c => c.MapId == acme && c.Version != 1).Select(c => c.Version));
        Assert.Null(await b.Maps.FindByNameAsync(Workspace, "acme", CancellationToken.None));
        Assert.Equal(acme, (await b.Maps.FindByNameAsync(Workspace, "acme renamed", CancellationToken.None))!.Id);

        // Delete.
        var gone = b.Seen(globex, 0);
        var globexNow = (await a.Maps.GetAsync(Workspace, globex, CancellationToken.None))!.Delete(Stamp);
        Assert.Equal(SaveOutcome.Saved, (await a.Maps.DeleteAsync(globexNow, CancellationToken.None)).Outcome);
        await gone.WaitAsync(Patience);
        Assert.Null(await b.Maps.GetAsync(Workspace, globex, CancellationToken.None));

        // The storage copy's upsert.
        var imported = b.Seen(initech, 5);
        var initechNow = (await a.Maps.GetAsync(Workspace, initech, CancellationToken.None))!;
        await using (var dataSource = database.OpenDataSource())
        {
            await new PostgresImport(dataSource).MapAsync(initechNow with { Version = 5, Name = "Initech Imported" }, CancellationToken.None);
        }

        await imported.WaitAsync(Patience);
        Assert.Equal("Initech Imported", (await b.Maps.GetAsync(Workspace, initech, CancellationToken.None))!.Name);

        // Deleting the workspace's data (app removed).
        var erased = Task.WhenAll(b.Seen(acme, 0), b.Seen(initech, 0));
        await a.Services.GetRequiredService<IWorkspaceDataStore>().DeleteAsync(Workspace, CancellationToken.None);
        await erased.WaitAsync(Patience);
        Assert.Null(await b.Maps.GetAsync(Workspace, acme, CancellationToken.None));
        Assert.Null(await b.Maps.FindByNameAsync(Workspace, "initech imported", CancellationToken.None));
    }

    [Fact]
    public async Task CacheOff_ListenerHoldsNoConnection_ReadsAskTheDatabase()
    {
        var a = await StartAsync();
        var b = await StartAsync(mapCacheSize: 0);
        await b.Listener.ExecuteTask!.WaitAsync(Patience);
        var id = await CreateAsync(a, "Acme");

        _ = await b.Maps.GetAsync(Workspace, id, CancellationToken.None);
        var queries = b.Queries;
        Assert.Equal(1, (await b.Maps.GetAsync(Workspace, id, CancellationToken.None))!.Version);

        Assert.Equal((false, 0), (b.Cache.IsListening, b.Listener.BackendProcessId));
        Assert.Equal(queries + 2, b.Queries);
    }

    private async Task<Instance> StartAsync(TimeProvider? time = null, int? mapCacheSize = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?> { ["Storage:Postgres:ConnectionString"] = database.ConnectionString };
        if (mapCacheSize is { } size)
        {
            settings["Storage:Postgres:MapCacheSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var queries = new QueryCounter();
        builder.Logging.AddProvider(queries);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddPostgresStorage(builder.Configuration);
        var instance = new Instance(builder.Build(), queries);
        _instances.Add(instance);
        var listening = instance.NextListening();
        await instance.Host.StartAsync();
        if (mapCacheSize != 0)
        {
            await listening.WaitAsync(Patience);
        }

        return instance;
    }

    private static async Task<Guid> CreateAsync(Instance instance, string name)
    {
        var map = MapBuilder.For(Workspace).Named(name).LinkedTo("C01", "deals").WithStakeholders(3).Build();
        var saved = await instance.Maps.SaveAsync(new MapWrite(map, History(map.Id, 1, "created")), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return map.Id;
    }

    private static async Task AddPersonAsync(Instance instance, Guid id, string name)
    {
        var current = (await instance.Maps.GetAsync(Workspace, id, CancellationToken.None))!;
        var change = current.AddStakeholder(StakeholderBuilder.Named(name).Build(), Stamp);
        Assert.Equal(SaveOutcome.Saved, (await instance.Maps.SaveAsync(change, CancellationToken.None)).Outcome);
    }

    private static HistoryEntry History(Guid id, int version, string summary) => new(id, version, Stamp.At, Stamp.By, summary, []);

    private async Task KillAsync(int processId)
    {
        Assert.NotEqual(0, processId);
        await using var dataSource = database.OpenDataSource();
        await using var command = dataSource.CreateCommand("SELECT pg_terminate_backend(@pid)");
        command.Parameters.AddWithValue("pid", processId);
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>One bot instance: its host (started), store, cache, listener, and what its listener applied.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly QueryCounter _queries;
        private readonly List<PostgresMapChange> _changes = [];
        private readonly List<(Guid Id, int Version, TaskCompletionSource Seen)> _waits = [];
        private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Instance(IHost host, QueryCounter queries)
        {
            Host = host;
            _queries = queries;
            Listener = host.Services.GetRequiredService<PostgresMapChangeListener>();
            Listener.Listening += () => _listening.TrySetResult();
            Listener.Lost += _ => _lost.TrySetResult();
            Listener.ChangeApplied += change =>
            {
                lock (_waits)
                {
                    _changes.Add(change);
                    foreach (var wait in _waits.Where(w => Matches(change, w.Id, w.Version)))
                    {
                        wait.Seen.TrySetResult();
                    }
                }
            };
        }

        public IHost Host { get; }

        public IServiceProvider Services => Host.Services;

        public IAccountMapStore Maps => Services.GetRequiredService<IAccountMapStore>();

        public PostgresMapCache Cache => Services.GetRequiredService<PostgresMapCache>();

        public PostgresMapChangeListener Listener { get; }

        /// <summary>Commands on account_maps this instance has completed so far.</summary>
        public int Queries => _queries.Count;

        public IReadOnlyList<PostgresMapChange> Changes
        {
            get
            {
                lock (_waits)
                {
                    return [.. _changes];
                }
            }
        }

        /// <summary>
        /// Completes once the listener has applied (or had already applied) the change of <paramref name="id"/> (any map:
        /// empty) to <paramref name="version"/>.
        /// </summary>
        public Task Seen(Guid id, int version)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waits)
            {
                if (_changes.Any(c => Matches(c, id, version)))
                {
                    seen.SetResult();
                }
                else
                {
                    _waits.Add((id, version, seen));
                }
            }

            return seen.Task;
        }

        public Task NextListening() => (_listening = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Task NextLost() => (_lost = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        private static bool Matches(PostgresMapChange change, Guid id, int version) =>
            (id == Guid.Empty || change.MapId == id) && change.Version == version;

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    /// <summary>Counts Npgsql's "command execution completed" log entries whose SQL touches account_maps.</summary>
    private sealed class QueryCounter : ILoggerProvider
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName.StartsWith("Npgsql", StringComparison.Ordinal));

        public void Dispose()
        {
        }

        private sealed class Counter(QueryCounter owner, bool npgsql) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => npgsql;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                if (npgsql && message.StartsWith("Command execution completed", StringComparison.Ordinal) && message.Contains("account_maps", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref owner._count);
                }
            }
        }
    }
}
