using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Postgres;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Benchmarks;

/// <summary>
/// <see cref="StoreBenchmarks"/>' reads on PostgreSQL: the same 10,000 maps × 30 people (20 workspaces of 500), in a
/// throw-away cluster on loopback (<see cref="PostgresCluster"/>). In process, so the cluster is started and seeded once
/// for every benchmark. <see cref="MapCacheSize"/> as in <see cref="StoreBenchmarks"/>: 5000 is the default, where a
/// load by id or name is answered from memory while the <see cref="PostgresMapChangeListener"/> is connected (a cache
/// hit), and a listing asks only for the stored versions; 0 parses every body (cold).
/// </summary>
[MemoryDiagnoser]
// In process (one cluster, seeded once) with ShortRun's counts: 3 warm-up and 3 measured iterations.
[InProcess]
[WarmupCount(3)]
[IterationCount(3)]
[MedianColumn]
// Not sealed: BenchmarkDotNet requires benchmark classes it can derive from. Disposal is [GlobalCleanup].
public class PostgresStoreBenchmarks
{
    private static readonly Lazy<string> Seeded = new(Seed);

    private readonly WorkspaceKey _workspace = SeededDatabase.Workspace(7);
    private readonly CoverageOptions _coverage = new();
    private NpgsqlDataSource _dataSource = null!;
    private PostgresMapChangeListener _listener = null!;
    private PostgresAccountMapStore _store = null!;
    private Guid _mapId;

    [Params(5000, 0)]
    public int MapCacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataSource = NpgsqlDataSource.Create(Seeded.Value);
        var cache = new PostgresMapCache(MapCacheSize);
        _store = new PostgresAccountMapStore(_dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance, cache);

        // As in the host: the instance listens for map changes, so a kept map is used without a query.
        _listener = new PostgresMapChangeListener(_dataSource, cache, TimeProvider.System, NullLogger<PostgresMapChangeListener>.Instance);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener.Listening += () => listening.TrySetResult();
        _listener.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (MapCacheSize > 0 && !listening.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("The map change listener did not connect.");
        }

        var maps = _store.ListAsync(_workspace, CancellationToken.None).GetAwaiter().GetResult();
        if (maps.Count != SeededDatabase.MapsPerWorkspace)
        {
            throw new InvalidOperationException($"Expected {SeededDatabase.MapsPerWorkspace} maps in {_workspace}, found {maps.Count}.");
        }

        _mapId = maps[250].Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _listener.Dispose();
        _dataSource.Dispose();
    }

    [Benchmark]
    public async Task<AccountMap?> LoadMapByName() =>
        await _store.FindByNameAsync(_workspace, "account  0250", CancellationToken.None);

    [Benchmark]
    public async Task<AccountMap?> LoadMapById() =>
        await _store.GetAsync(_workspace, _mapId, CancellationToken.None);

    [Benchmark]
    public async Task<int> ListWorkspaceWithGaps()
    {
        var now = MapBuilder.DefaultTime;
        var maps = await _store.ListAsync(_workspace, CancellationToken.None);
        var gaps = 0;
        foreach (var map in maps)
        {
            gaps += CoverageAnalyzer.Analyze(map, now, _coverage).Count;
        }

        return gaps;
    }

    private static string Seed()
    {
        var connectionString = PostgresCluster.Shared.CreateDatabaseAsync("bench").GetAwaiter().GetResult();
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var import = new PostgresImport(dataSource);
        for (var w = 0; w < SeededDatabase.Workspaces; w++)
        {
            var workspace = SeededDatabase.Workspace(w);
            Parallel.For(0, SeededDatabase.MapsPerWorkspace, new ParallelOptions { MaxDegreeOfParallelism = 4 }, m =>
            {
                var map = MapBuilder.For(workspace)
                    .Named(SeededDatabase.MapName(m))
                    .WithAliases(string.Create(CultureInfo.InvariantCulture, $"ACC{m:D4}"))
                    .LinkedTo(string.Create(CultureInfo.InvariantCulture, $"C{m % 25:D2}"))
                    .At(MapBuilder.DefaultTime.AddDays(-(m % 90)))
                    .WithStakeholders(SeededDatabase.StakeholdersPerMap)
                    .Build();
                import.MapAsync(map with { Version = 1 }, CancellationToken.None).GetAwaiter().GetResult();
            });
        }

        using var analyze = dataSource.CreateCommand("ANALYZE");
        analyze.ExecuteNonQuery();
        return connectionString;
    }
}
