using System.Collections.Concurrent;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Maps already turned from BSON into domain records, by document id (and by name). LiteDB
/// materialises a stored map (≈11 KB with 30 people) as ≈95 KB of BsonDocument objects, which made
/// listing 500 maps cost far more than reading them; the records are immutable, so a map read once
/// can be handed out again.
/// <para>
/// The store owns the file: the lock file keeps every other process out, and every map write in
/// this one goes through <see cref="LiteDbAccountMapStore.SaveAsync"/>, which puts the committed
/// version here before it releases the write lock. So a single map looked up by id or by its name
/// (<see cref="TryGetCurrent"/>, <see cref="TryFindByName"/>: every <c>map Acme</c>) is answered
/// from memory without touching the file. Lists still read each match's version from the file and
/// reuse an entry only when it is that version (<see cref="TryGet"/>). Bounded: past
/// <see cref="Capacity"/> the least recently used tenth goes.
/// </para>
/// <para>
/// It stays the store's own concern, apart from the rendered-output cache (<c>Core/Caching/RenderedOutputCache</c>):
/// it holds stored data, not anything drawn for someone, and only this store knows when its file changed (it is
/// the one writer), which is what lets it answer by id without a read; renderings are keyed by the version it returns.
/// </para>
/// </summary>
internal sealed class MapCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idsByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _deleted = new(StringComparer.Ordinal);
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

    /// <summary>The latest version this process wrote or read of map <paramref name="id"/>.</summary>
    public bool TryGetCurrent(string id, out AccountMap map)
    {
        if (_entries.TryGetValue(id, out var entry))
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            map = entry.Map;
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>The map whose own name has <paramref name="nameKey"/> (<see cref="StoreKeys.Name"/>; aliases are not indexed here).</summary>
    public bool TryFindByName(string nameKey, out AccountMap map)
    {
        if (_idsByName.TryGetValue(nameKey, out var id) && TryGetCurrent(id, out map) && NameKeyOf(map) == nameKey)
            return true;

        map = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="map"/> unless a newer version is already there.</summary>
    public void Put(string id, AccountMap map)
    {
        // A list that read the map before it was deleted must not bring it back (map ids are never reused).
        if (Capacity == 0 || _deleted.ContainsKey(id))
        {
            return;
        }

        var fresh = new Entry(map, Interlocked.Increment(ref _clock));
        var kept = _entries.AddOrUpdate(id, fresh, (_, old) => old.Map.Version > map.Version ? old : fresh);
        if (ReferenceEquals(kept, fresh))
        {
            // A rename moves the name: the old one must not find this map any more.
            _idsByName[NameKeyOf(map)] = id;
        }

        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    /// <summary>The map was deleted (by an admin, or with its workspace): forgotten, and never remembered again.</summary>
    public void Remove(string id)
    {
        _deleted[id] = 0;
        if (_entries.TryRemove(id, out var entry))
        {
            _idsByName.TryRemove(new KeyValuePair<string, string>(NameKeyOf(entry.Map), id));
        }
    }

    private static string NameKeyOf(AccountMap map) => StoreKeys.Name(map.Workspace, map.Key);

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
            foreach (var (id, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(drop).ToList())
            {
                _entries.TryRemove(id, out _);
                _idsByName.TryRemove(new KeyValuePair<string, string>(NameKeyOf(entry.Map), id));
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
