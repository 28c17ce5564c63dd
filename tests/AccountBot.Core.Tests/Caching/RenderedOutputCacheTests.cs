using System.Globalization;
using AccountBot.Core.Caching;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Caching;

public sealed class RenderedOutputCacheTests
{
    private readonly FakeTimeProvider _time = new(MapBuilder.DefaultTime);

    [Fact]
    public void GetOrAdd_SameKey_RendersOnce()
    {
        var cache = new RenderedOutputCache(_time);
        var key = new RenderKey("slack", cache.KeyOf(Guid.NewGuid(), 3, ViewKinds.MapCard, null));
        var renders = 0;

        var first = cache.GetOrAdd(key, () => $"drawing {++renders}");
        var second = cache.GetOrAdd(key, () => $"drawing {++renders}");

        Assert.Equal("drawing 1", second);
        Assert.Same(first, second);
    }

    [Fact]
    public void KeyOf_NamesEverythingTheRenderingDependsOn()
    {
        var cache = new RenderedOutputCache(_time);
        var map = Guid.NewGuid();
        var key = cache.KeyOf(map, 3, ViewKinds.MapCard, "U1");

        Assert.NotEqual(key, cache.KeyOf(map, 4, ViewKinds.MapCard, "U1"));
        Assert.NotEqual(key, cache.KeyOf(map, 3, ViewKinds.MapCard, "U2"));
        Assert.NotEqual(key, cache.KeyOf(map, 3, ViewKinds.MapCard, null));
        Assert.NotEqual(key, cache.KeyOf(map, 3, "other-view", "U1"));
        Assert.NotEqual(key, cache.KeyOf(Guid.NewGuid(), 3, ViewKinds.MapCard, "U1"));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.NotEqual(key, cache.KeyOf(map, 3, ViewKinds.MapCard, "U1"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEqual(key, cache.KeyOf(map, 3, ViewKinds.MapCard, "U1"));
    }

    [Fact]
    public void Platforms_KeepTheirOwnDrawing()
    {
        var cache = new RenderedOutputCache(_time);
        var view = cache.KeyOf(Guid.NewGuid(), 1, ViewKinds.MapCard, null);

        cache.GetOrAdd(new RenderKey("slack", view), () => "blocks");

        Assert.Equal("card", cache.GetOrAdd(new RenderKey("teams", view), () => "card"));
    }

    [Fact]
    public void ManyMapVersions_KeepTheCacheWithinItsCapacity()
    {
        var cache = new RenderedOutputCache(_time, capacity: 16);
        var map = Guid.NewGuid();

        for (var version = 1; version <= 200; version++)
        {
            cache.GetOrAdd(new RenderKey("slack", cache.KeyOf(map, version, ViewKinds.MapCard, null)), () => "drawing");
            Assert.InRange(cache.Count, 1, 16);
        }
    }

    [Fact]
    public void DefaultCache_IsBounded()
    {
        var cache = new RenderedOutputCache(_time);

        for (var i = 0; i < RenderedOutputCache.Capacity * 2; i++)
            cache.GetOrAdd(new RenderKey("slack", cache.KeyOf(Guid.NewGuid(), 1, ViewKinds.MapCard, null)), () => "drawing");

        Assert.InRange(cache.Count, 1, RenderedOutputCache.Capacity);
    }
}
