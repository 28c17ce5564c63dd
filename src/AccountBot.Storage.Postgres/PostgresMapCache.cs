using System.Collections.Concurrent;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Maps already read from their JSON, by (workspace, id) and the version they were read at. Turning a map's
/// <c>jsonb</c> (≈11 KB with 30 people) back into records is most of what a read costs, and listing 500 maps paid it
/// 500 times. Unlike LiteDB's cache this one never answers without asking the database: another instance may have
/// saved the map, so every read first fetches the matching rows' (id, version) — a small query that leaves the
/// bodies alone — and an entry is used only when its version is the stored one. Bounded: past
/// <see cref="Capacity"/> the least recently used tenth goes.
/// </summary>
internal sealed class PostgresMapCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Workspace, Guid Id), Entry> _entries = new();
    private readonly Lock _trimGate = new();
    private long _clock;

    public int Capacity { get; } = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count => _entries.Count;

    /// <summary>The map as read at <paramref name="version"/>, if that is what is kept.</summary>
    public bool TryGet(WorkspaceKey workspace, Guid id, int version, out AccountMap map)
    {
        if (_entries.TryGetValue((workspace.Value, id), out var entry) && entry.Map.Version == version)
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            map = entry.Map;
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="map"/> unless a newer version is already kept.</summary>
    public void Put(AccountMap map)
    {
        if (Capacity == 0)
        {
            return;
        }

        var fresh = new Entry(map, Interlocked.Increment(ref _clock));
        _entries.AddOrUpdate((map.Workspace.Value, map.Id), fresh, (_, old) => old.Map.Version > map.Version ? old : fresh);
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

            foreach (var key in _entries.OrderBy(e => e.Value.LastUsed).Take(excess + (Capacity / 10)).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(key, out _);
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
