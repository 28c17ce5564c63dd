using System.Collections.Concurrent;

namespace AccountBot.Core.Caching;

/// <summary>
/// Answers remembered for at most <c>maxAge</c>, at most <c>capacity</c> of them: the shape of every cache fed by
/// requests (who a Teams sender is, whether a Slack channel is shared, a Slack user's name), so that no caller can
/// make one grow without bound. When full, the expired entries go first and, if that is not enough, all of them:
/// a cache miss only costs a lookup.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly TimeProvider _time;

    public ExpiringCache(TimeProvider time, TimeSpan maxAge, int capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        MaxAge = maxAge;
        Capacity = capacity;
    }

    public TimeSpan MaxAge { get; }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>The value remembered for <paramref name="key"/> less than <see cref="MaxAge"/> ago.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && _time.GetUtcNow() - entry.At < MaxAge)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        var now = _time.GetUtcNow();
        if (_entries.Count >= Capacity && !_entries.ContainsKey(key))
            Trim(now);
        _entries[key] = new Entry(value, now);
    }

    public void RemoveWhere(Func<TKey, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        foreach (var key in _entries.Keys)
        {
            if (match(key))
                _entries.TryRemove(key, out _);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.At >= MaxAge)
                _entries.TryRemove(key, out _);
        }

        if (_entries.Count >= Capacity)
            _entries.Clear();
    }

    private readonly record struct Entry(TValue Value, DateTimeOffset At);
}
