using AccountBot.Core.Caching;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Caching;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_BeforeMaxAge_GivesTheValue_AtMaxAge_Nothing()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(5), capacity: 10);
        cache.Set("a", 1);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(1, value);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Set_ManyMoreKeysThanCapacity_NeverHoldsMore()
    {
        var cache = new ExpiringCache<int, int>(_time, TimeSpan.FromHours(1), capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set(i, i);
            Assert.InRange(cache.Count, 1, 100);
        }
    }

    [Fact]
    public void Set_WhenFull_ExpiredEntriesGoFirstAndFreshOnesStay()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(5), capacity: 3);
        cache.Set("old", 1);
        _time.Advance(TimeSpan.FromMinutes(6));
        cache.Set("fresh-1", 2);
        cache.Set("fresh-2", 3);

        cache.Set("new", 4);

        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("fresh-1", out _));
        Assert.True(cache.TryGet("fresh-2", out _));
        Assert.True(cache.TryGet("new", out _));
    }

    [Fact]
    public void Set_KnownKeyWhenFull_ReplacesItWithoutDroppingOthers()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(5), capacity: 2);
        cache.Set("a", 1);
        cache.Set("b", 2);

        cache.Set("a", 10);

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(10, a);
        Assert.True(cache.TryGet("b", out _));
    }

    [Fact]
    public void RemoveWhere_MatchingKeys_GoneOthersKept()
    {
        var cache = new ExpiringCache<(string Team, string Channel), bool>(_time, TimeSpan.FromMinutes(5), capacity: 10);
        cache.Set(("T1", "C1"), true);
        cache.Set(("T2", "C1"), true);
        cache.Set(("T1", "C2"), false);

        cache.RemoveWhere(key => key.Channel == "C1");

        Assert.False(cache.TryGet(("T1", "C1"), out _));
        Assert.False(cache.TryGet(("T2", "C1"), out _));
        Assert.True(cache.TryGet(("T1", "C2"), out _));
    }
}
