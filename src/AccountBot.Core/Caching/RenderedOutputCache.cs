using System.Globalization;

namespace AccountBot.Core.Caching;

/// <summary>
/// The one cache of rendered output on the hot path (<c>map Acme</c> read again and again while nobody changes the
/// map): the neutral view, each platform's drawing of it and the bytes an ack writes, by an explicit
/// <see cref="RenderKey"/>. Bounded by <see cref="Capacity"/> and <see cref="MaxAge"/>
/// (<see cref="ExpiringCache{TKey, TValue}"/>); never invalidated by hand, because a write changes the map's version
/// and so the key.
/// </summary>
public sealed class RenderedOutputCache
{
    /// <summary>
    /// Renderings kept at most (a view, its drawing per platform and the Slack drawing's JSON: about a quarter as many
    /// map versions).
    /// </summary>
    public const int Capacity = 3072;

    /// <summary>Keys name their minute (<see cref="ViewKey.Minute"/>), so nothing older than the last one is asked for again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    private readonly ExpiringCache<RenderKey, object> _entries;
    private readonly TimeProvider _time;

    public RenderedOutputCache(TimeProvider time)
        : this(time, Capacity)
    {
    }

    /// <param name="capacity">Renderings kept at most (tests use a small one).</param>
    public RenderedOutputCache(TimeProvider time, int capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _entries = new ExpiringCache<RenderKey, object>(time, MaxAge, capacity);
    }

    public int Count => _entries.Count;

    /// <summary>The key of <paramref name="view"/> of a map version, as of now, in the current UI culture.</summary>
    /// <param name="viewer">The user id when the view holds a per-user field; null only when everyone sees the same.</param>
    public ViewKey KeyOf(Guid mapId, int version, string view, string? viewer) =>
        new(mapId, version, view, viewer, CultureInfo.CurrentUICulture.Name, _time.GetUtcNow().ToUnixTimeSeconds() / 60);

    /// <summary>What was rendered for <paramref name="key"/>, or <paramref name="render"/>'s result, kept for the next request.</summary>
    public T GetOrAdd<T>(RenderKey key, Func<T> render)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_entries.TryGet(key, out var kept) && kept is T hit)
            return hit;
        var value = render();
        _entries.Set(key, value);
        return value;
    }
}
