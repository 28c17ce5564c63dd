using System.Collections.Concurrent;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Maps already turned from BSON into domain records, by document id and version. LiteDB
/// materialises a stored map (≈11 KB with 30 people) as ≈95 KB of BsonDocument objects, which made
/// listing 500 maps cost far more than reading them; the records are immutable, so a map read once
/// can be handed out again as long as its stored version has not moved. Readers always check the
/// version on disk (a projection that deserialises one field), so an entry can be stale but is
/// never served stale. Bounded: past <see cref="Capacity"/> the least recently used tenth goes.
/// </summary>
internal sealed class MapCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimGate = new();
    private long _clock;

    public MapCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    public bool TryGet(string id, int version, out AccountMap map)
    {
        if (_entries.TryGetValue(id, out var entry) && entry.Map.Version == version)
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            map = entry.Map;
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="map"/> unless a newer version is already there.</summary>
    public void Put(string id, AccountMap map)
    {
        if (Capacity == 0)
        {
            return;
        }

        var fresh = new Entry(map, Interlocked.Increment(ref _clock));
        _entries.AddOrUpdate(id, fresh, (_, old) => old.Map.Version > map.Version ? old : fresh);
        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        lock (_trimGate)
        {
            var excess = _entries.Count - Capacity;
            if (excess <= 0)
            {
                return;
            }

            var drop = excess + (Capacity / 10);
            foreach (var (id, _) in _entries.OrderBy(e => e.Value.LastUsed).Take(drop).ToList())
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    private sealed class Entry(AccountMap map, long lastUsed)
    {
        private long _lastUsed = lastUsed;

        public AccountMap Map { get; } = map;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);
    }
}
