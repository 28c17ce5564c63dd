using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Benchmarks;

/// <summary>
/// The store on a seeded 10,000-map database (see <see cref="SeededDatabase"/>). Targets: load a map
/// ≤ 1 ms median; list a workspace's 500 maps and compute their gaps ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
// Not sealed: BenchmarkDotNet requires benchmark classes it can derive from. Disposal is [GlobalCleanup].
public class StoreBenchmarks
{
    private static readonly UserRef Rep = new("U0BENCH", "Bench Rep");

    private readonly WorkspaceKey _workspace = SeededDatabase.Workspace(7);
    private readonly CoverageOptions _coverage = new();
    private LiteDbContext _context = null!;
    private LiteDbAccountMapStore _store = null!;
    private string _path = null!;
    private Guid _mapId;
    private AccountMap[] _current = [];
    private int _next;

    /// <summary>5000 is the default; 0 shows the cost of reading every map from the file (a cold cache).</summary>
    [Params(LiteDbOptions.DefaultMapCacheSize, 0)]
    public int MapCacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = SeededDatabase.CopyToTempFolder();
        _context = new LiteDbContext(_path, NullLogger<LiteDbContext>.Instance, MapCacheSize);
        _store = new LiteDbAccountMapStore(_context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance);
        _current = [.. _store.ListAsync(_workspace, CancellationToken.None).GetAwaiter().GetResult()];
        if (_current.Length != SeededDatabase.MapsPerWorkspace)
        {
            throw new InvalidOperationException($"Expected {SeededDatabase.MapsPerWorkspace} maps in {_workspace}, found {_current.Length}.");
        }

        _mapId = _current[250].Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Benchmark]
    public async Task<AccountMap?> LoadMapByName() =>
        await _store.FindByNameAsync(_workspace, "account  0250", CancellationToken.None);

    [Benchmark]
    public async Task<AccountMap?> LoadMapById() =>
        await _store.GetAsync(_workspace, _mapId, CancellationToken.None);

    /// <summary>Adds one person to the next of the workspace's maps (round robin) and saves it.</summary>
    [Benchmark]
    public async Task<SaveOutcome> AddStakeholderAndSave()
    {
        var index = _next++ % _current.Length;
        var map = _current[index];
        var stamp = new Stamp(DateTimeOffset.UtcNow, Rep);
        var change = map.AddStakeholder(StakeholderBuilder.Named($"Bench {_next}").WithRoles(Role.Influencer).Build(), stamp);
        var result = await _store.SaveAsync(change, CancellationToken.None);
        _current[index] = result.Map!;
        return result.Outcome;
    }

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

    [Benchmark]
    public async Task<int> ListNameCandidates() =>
        (await _store.ListNameCandidatesAsync(_workspace, string.Empty, CancellationToken.None)).Count;
}
