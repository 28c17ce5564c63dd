using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Pictures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Internal;
using static AccountBot.Host.Tests.Pictures.PictureHost;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>
/// What <see cref="PictureEndpoints"/> promises that no other test stated (found by mutation testing, round 7): the
/// picture's entity tag, word for word, and how long a rendered picture stays in memory unasked.
/// </summary>
public sealed class PictureEndpointMutationTests : IDisposable
{
    private readonly PictureHost hosts = new("picture-endpoint-mutation");

    public void Dispose() => hosts.Dispose();

    [Theory]
    [InlineData(MapPicture.Grid, "grid")]
    [InlineData(MapPicture.Onion, "onion")]
    [InlineData(MapPicture.Org, "org")]
    [InlineData(MapPicture.Raci, "raci")]
    public async Task GetPicture_EachPicture_ETagIsMapIdVersionAndPictureInLowerCase(MapPicture picture, string named)
    {
        await using var host = hosts.Create();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Relative(host.Services.GetRequiredService<IPictureLinks>().PictureUrl(map, picture)!);

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{map.Id:N}-{map.Version}-{named}\"", response.Headers.ETag?.Tag);
        Assert.False(response.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task GetPicture_IfNoneMatchInAnotherCase_PictureSentAgain()
    {
        await using var host = hosts.Create();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Relative(host.Services.GetRequiredService<IPictureLinks>().PictureUrl(map, MapPicture.Grid)!);
        var tag = (await client.GetAsync(link)).Headers.ETag!.Tag;

        using var upper = new HttpRequestMessage(HttpMethod.Get, link);
        upper.Headers.TryAddWithoutValidation("If-None-Match", tag.ToUpperInvariant());
        var response = await client.SendAsync(upper);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task GetPicture_NotAskedForAnHour_RenderedPictureLeavesMemory()
    {
        var clock = new CacheClock(hosts.Time);
        await using var host = hosts.Create(services => services.Configure<MemoryCacheOptions>(o => o.Clock = clock));
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Relative(host.Services.GetRequiredService<IPictureLinks>().PictureUrl(map, MapPicture.Grid)!);
        var cache = Assert.IsType<MemoryCache>(host.Services.GetRequiredService<IMemoryCache>());
        var before = cache.Count;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(before + 1, cache.Count);

        // Asked for again within the hour: kept for another hour from then.
        hosts.Time.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        hosts.Time.Advance(TimeSpan.FromMinutes(50));
        cache.Compact(0);
        Assert.Equal(before + 1, cache.Count);

        // Then an hour without a request: dropped (Compact(0) removes only what has expired).
        hosts.Time.Advance(TimeSpan.FromMinutes(11));
        cache.Compact(0);
        Assert.Equal(before, cache.Count);
    }

    /// <summary>The memory cache's clock, read from the test's fake time.</summary>
    private sealed class CacheClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
