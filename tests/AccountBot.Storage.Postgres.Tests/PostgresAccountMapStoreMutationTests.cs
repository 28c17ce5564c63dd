using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL map store's answers to a write that loses a race at commit (issue #18, round 5: no test reached its
/// three unique-violation handlers). Another instance's write is played by a transaction the test holds open: the
/// store's insert then waits on that transaction's row; once the store is seen waiting, the test commits, and the
/// store's insert fails on the constraint it raced for.
/// </summary>
public sealed class PostgresAccountMapStoreMutationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");

    private NpgsqlDataSource _dataSource = null!;
    private PostgresAccountMapStore _store = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _dataSource = database.OpenDataSource();
        _store = new PostgresAccountMapStore(_dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task SaveAsync_SameNewMapCommittedFirstElsewhere_VersionConflictWithTheWinner()
    {
        var map = MapBuilder.For(Workspace).Named("Acme Second").Build();
        var winner = map with { Name = "Acme First", Version = 1 };

        var result = await LoseRaceAsync(new MapWrite(map, Created(map)), (connection, transaction) => InsertMapAsync(connection, transaction, winner));

        Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
        Assert.Equal("Acme First", result.Map?.Name);
    }

    [Fact]
    public async Task SaveAsync_NamesakeCommittedFirstElsewhere_NameTaken()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").Build();
        var namesake = MapBuilder.For(Workspace).Named("ACME").Build() with { Version = 1 };

        var result = await LoseRaceAsync(new MapWrite(map, Created(map)), (connection, transaction) => InsertMapAsync(connection, transaction, namesake));

        Assert.Equal(SaveOutcome.NameTaken, result.Outcome);
        Assert.Null(await _store.GetAsync(Workspace, map.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_SameFormAppliedFirstElsewhere_AlreadyAppliedWithThatMapAndNothingElseWritten()
    {
        var globex = MapBuilder.For(Workspace).Named("Globex").Build();
        var applied = (await _store.SaveAsync(new MapWrite(globex, Created(globex)), CancellationToken.None)).Map!;
        var map = MapBuilder.For(Workspace).Named("Acme").Build();

        var result = await LoseRaceAsync(
            new MapWrite(map, Created(map)) { IdempotencyKey = "form-1" },
            (connection, transaction) => Sql.ExecuteAsync(connection, "INSERT INTO applied_keys (workspace, key, map_id, version, applied_at) VALUES (@w, 'form-1', @id, 1, now())", transaction,
                CancellationToken.None, ("w", Workspace.Value), ("id", applied.Id)));

        Assert.Equal(SaveOutcome.AlreadyApplied, result.Outcome);
        Assert.Equal(applied.Id, result.Map?.Id);
        Assert.Null(await _store.GetAsync(Workspace, map.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewMapWhileAnotherCreateInTheWorkspaceIsUncommitted_WaitsForItAndCountsIt()
    {
        var other = MapBuilder.For(Workspace).Named("Globex").Build() with { Version = 1 };
        var map = MapBuilder.For(Workspace).Named("Acme").Build();

        // The other instance's create holds the workspace's create turn until it commits the map that reaches the limit.
        var result = await LoseRaceAsync(new MapWrite(map, Created(map)) { MapLimit = 1 }, async (connection, transaction) =>
        {
            await Sql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@w, 0))", transaction, CancellationToken.None, ("w", Workspace.Value));
            await InsertMapAsync(connection, transaction, other);
        });

        Assert.Equal(SaveOutcome.LimitReached, result.Outcome);
        Assert.Equal(["Globex"], (await _store.ListAsync(Workspace, CancellationToken.None)).Select(m => m.Name));
    }

    [Fact]
    public async Task GetAsync_MapThisStoreJustSaved_TheSavedMapHandedOutWithoutReadingItAgain()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").Build();
        var saved = await _store.SaveAsync(new MapWrite(map, Created(map)), CancellationToken.None);

        var read = await _store.GetAsync(Workspace, map.Id, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Same(saved.Map, read);
    }

    [Fact]
    public async Task SaveAsync_CreateRetriedAfterTheFirstCommitted_VersionConflictWithTheFirstAndNothingWritten()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").Build();
        var first = await _store.SaveAsync(new MapWrite(map, Created(map)), CancellationToken.None);

        // The same create again (a retry without an idempotency key), now under another name: the first one won.
        var retried = await _store.SaveAsync(new MapWrite(map with { Name = "Acme Retried" }, Created(map)), CancellationToken.None);

        Assert.Equal(SaveOutcome.VersionConflict, retried.Outcome);
        Assert.Equal("Acme", retried.Map?.Name);
        Assert.Equal(first.Map!.Version, retried.Map!.Version);
        var history = await _store.GetHistoryAsync(Workspace, map.Id, 10, CancellationToken.None);
        Assert.Single(history);
        Assert.Equal("Acme", (await _store.GetAsync(Workspace, map.Id, CancellationToken.None))?.Name);
    }

    [Fact]
    public void Constructor_NullCache_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentNullException>(() =>
            new PostgresAccountMapStore(_dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance, null!));

        Assert.Equal("cache", error.ParamName);
    }

    [Fact]
    public async Task ListAsync_Again_NothingSavedSince_OnlyTheVersionsAreReadAndTheSameMapsHandedOut()
    {
        // Saved through another instance, so this store has not kept the map when it lists the first time.
        var map = MapBuilder.For(Workspace).Named("Acme").Build();
        await _store.SaveAsync(new MapWrite(map, Created(map)), CancellationToken.None);
        var queries = new AccountMapQueries();
        using var logging = LoggerFactory.Create(b => b.AddProvider(queries).SetMinimumLevel(LogLevel.Trace));
        await using var counted = new NpgsqlDataSourceBuilder(database.ConnectionString).UseLoggerFactory(logging).Build();
        var reader = new PostgresAccountMapStore(counted, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);

        var first = Assert.Single(await reader.ListAsync(Workspace, CancellationToken.None));
        var afterFirst = queries.Count;
        var second = Assert.Single(await reader.ListAsync(Workspace, CancellationToken.None));

        Assert.Equal(2, afterFirst); // the versions, then the body it did not have
        Assert.Equal(afterFirst + 1, queries.Count); // the versions only
        Assert.Same(first, second);
    }

    private static HistoryEntry Created(AccountMap map) => new(map.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "created", []);

    /// <summary>Holds <paramref name="otherWrite"/> uncommitted, saves while it is held, and commits it once the save waits on it.</summary>
    private async Task<SaveResult> LoseRaceAsync(MapWrite write, Func<NpgsqlConnection, NpgsqlTransaction, Task> otherWrite)
    {
        await using var other = await _dataSource.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await otherWrite(other, transaction);

        var save = _store.SaveAsync(write, CancellationToken.None);

        // A save that does not wait (it should have) is answered without the other write committed.
        await Task.WhenAny(save, WaitUntilABackendWaitsOnALockAsync());
        await transaction.CommitAsync();
        return await save;
    }

    private async Task WaitUntilABackendWaitsOnALockAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await Sql.ListAsync<long>(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", null, deadline.Token))[0] == 0)
        {
            // Polled: PostgreSQL does not announce that a backend started waiting.
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private static Task InsertMapAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AccountMap map) =>
        Sql.ExecuteAsync(connection,
            "INSERT INTO account_maps (workspace, id, name_key, lookup_keys, channel_ids, version, body) VALUES (@w, @id, @k, ARRAY[@k], '{}', @v, @body)",
            transaction, CancellationToken.None,
            ("w", map.Workspace.Value), ("id", map.Id), ("k", NameKey.Normalize(map.Name)), ("v", map.Version), ("body", new Sql.Json(StoredJson.Write(map))));

    /// <summary>Counts the commands on account_maps that Npgsql's command log reports as completed.</summary>
    private sealed class AccountMapQueries : ILoggerProvider, ILogger
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("Npgsql", StringComparison.Ordinal) ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.StartsWith("Command execution completed", StringComparison.Ordinal) && message.Contains("account_maps", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }
}
