using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Storage.LiteDb;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Benchmarks;

/// <summary>
/// "Did you mean" for a map that does not exist, in one workspace at the default
/// <c>Limits:MapsPerWorkspace</c> (10,000 maps × 30 people, see <see cref="SeededDatabase"/>): the
/// name lookup misses, then the suggestions are found. Target ≤ 5 ms median.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
// Not sealed: BenchmarkDotNet requires benchmark classes it can derive from. Disposal is [GlobalCleanup].
public class DidYouMeanBenchmarks
{
    private LiteDbContext _context = null!;
    private Finder _finder = null!;
    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = SeededDatabase.CopyLargeWorkspaceToTempFolder();
        _context = new LiteDbContext(_path, NullLogger<LiteDbContext>.Instance);
        _finder = new Finder(new LiteDbAccountMapStore(_context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    /// <summary>A typo of an existing name ("Account 0250"): the suggestions include it.</summary>
    [Benchmark]
    public async Task<object?> MissingMapWithTypo() =>
        (await _finder.FindMapAsync(Context, "Account 025o", CancellationToken.None)).NotFound;

    /// <summary>A name like none of the maps: every candidate is looked at and none is suggested.</summary>
    [Benchmark]
    public async Task<object?> MissingMapUnlikeAny() =>
        (await _finder.FindMapAsync(Context, "Zyxwvut Holdings", CancellationToken.None)).NotFound;

    private static RequestContext Context { get; } =
        new(SeededDatabase.LargeWorkspace, new UserRef("U0BENCH", "Bench Rep"), new ChannelRef("C00", "bench"));

    /// <summary>The lookup every map command's handler inherits (<see cref="MapCommandHandler"/>), on its own.</summary>
    private sealed class Finder(Core.Abstractions.IAccountMapStore store) : MapCommandHandler(store)
    {
        public Task<(Core.Accounts.AccountMap? Map, Core.Views.Reply? NotFound)> FindMapAsync(RequestContext context, string account, CancellationToken cancellationToken) =>
            FindAsync(context, account, cancellationToken);
    }
}
