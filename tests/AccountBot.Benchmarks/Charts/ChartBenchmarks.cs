using AccountBot.Charts;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Testing.Builders;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AccountBot.Benchmarks.Charts;

/// <summary>
/// Rendering each picture of a 60-person map (varied roles, scores, a reporting tree and some
/// relationships) to PNG bytes, encoding included. Target: ≤ 100 ms per picture.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
[MedianColumn]
// Not sealed: BenchmarkDotNet requires benchmark classes it can derive from. Disposal is [GlobalCleanup].
public class ChartBenchmarks
{
    private ChartFonts _fonts = null!;
    private MapPictureRenderer _renderer = null!;
    private AccountMap _map = null!;

    [Params(MapPicture.Grid, MapPicture.Onion, MapPicture.Org, MapPicture.Raci)]
    public MapPicture Picture { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fonts = new ChartFonts();
        _renderer = new MapPictureRenderer(_fonts, new CoverageOptions());
        var map = MapBuilder.For(WorkspaceKey.ForSlack(null, "T0BENCH")).WithStakeholders(60).Build();
        var people = map.Stakeholders;
        _map = map with
        {
            Relationships = [.. Enumerable.Range(0, 12).Select(i => new Relationship(
                Guid.NewGuid(), people[i * 4].Id, people[((i * 7) + 3) % people.Count].Id, (RelationshipKind)(i % 4), null))],
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    [Benchmark]
    public int Render() => _renderer.Render(_map, Picture).Png.Length;

    /// <summary>
    /// A short run in this process: building the generated benchmark project took over BenchmarkDotNet's
    /// two-minute limit on the shared 2-core machine, and rendering needs no process isolation.
    /// </summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
