using System.Collections.Concurrent;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Maps already read from their JSON, by (workspace, id). Turning a map's <c>jsonb</c> (≈11 KB with 30 people) back
/// into records is most of what a read costs. Another instance may save a map at any time, so an entry is used in one
/// of two ways:
/// <list type="bullet">
/// <item><b>Trusted</b>, without asking the database, only while this instance's <see cref="PostgresMapChangeListener"/>
/// is connected and has been connected without a break since the entry was read: every committed change of a map is
/// announced on that connection (a trigger on <c>account_maps</c>) and drops the entry, so a trusted entry is at most
/// one notification delivery behind the database.</item>
/// <item><b>Version-checked</b> otherwise (no listener, or it lost its connection): the read first fetches the stored
/// version and uses the entry only at that version.</item>
/// </list>
/// A read that started before a change of its map was announced never stores its result as trusted (see
/// <see cref="BeginRead"/>), so a notification processed while the map was being read is not lost. Bounded: past
/// <see cref="Capacity"/> the least recently used tenth goes. Shared by the store and the listener of one instance.
/// </summary>
public sealed class PostgresMapCache
{
    // Each stripe holds the sequence number of the last change announced for a map hashed to it.
    private const int StripeCount = 4096;

    private readonly ConcurrentDictionary<(string Workspace, Guid Id), Entry> _entries = new();
    private readonly ConcurrentDictionary<(string Workspace, string NameKey), Guid> _names = new();
    private readonly long[] _stripes = new long[StripeCount];
    private readonly Lock _trimGate = new();
    private long _clock;
    private long _epoch;
    private long _lastEpoch;
    private long _sequence;

    public PostgresMapCache(int capacity)
    {
        Capacity = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>Whether a listener is connected now, so entries read since it connected are used without a query.</summary>
    public bool IsListening => Volatile.Read(ref _epoch) != 0;

    /// <summary>Taken before a read asks the database; decides whether what it reads may be trusted.</summary>
    internal ReadToken BeginRead() => new(Volatile.Read(ref _epoch), Volatile.Read(ref _sequence));

    /// <summary>The map kept for (workspace, id) if it may be used without asking the database.</summary>
    public bool TryGetTrusted(WorkspaceKey workspace, Guid id, out AccountMap map)
    {
        var epoch = Volatile.Read(ref _epoch);
        if (epoch != 0 && _entries.TryGetValue((workspace.Value, id), out var entry) && entry.TrustedIn == epoch)
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            map = entry.Map;
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>
    /// The map whose own name has <paramref name="nameKey"/>, if it is kept trusted. Names are unique in a workspace, so a
    /// trusted map with that name is the one the database would return (an alias match is left to the database).
    /// </summary>
    public bool TryGetTrustedByName(WorkspaceKey workspace, string nameKey, out AccountMap map)
    {
        if (_names.TryGetValue((workspace.Value, nameKey), out var id) && TryGetTrusted(workspace, id, out map)
            && _entries.TryGetValue((workspace.Value, id), out var entry) && string.Equals(entry.NameKey, nameKey, StringComparison.Ordinal))
        {
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>
    /// The map as read at <paramref name="version"/> (the stored version a read just fetched), if that is what is kept.
    /// The entry becomes trusted when <paramref name="token"/> allows it.
    /// </summary>
    internal bool TryGet(WorkspaceKey workspace, Guid id, int version, ReadToken token, out AccountMap map)
    {
        var key = (workspace.Value, id);
        if (_entries.TryGetValue(key, out var entry) && entry.Map.Version == version)
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            Trust(entry, key, token);
            map = entry.Map;
            return true;
        }

        map = null!;
        return false;
    }

    /// <summary>Remembers <paramref name="map"/>, read from the database after <paramref name="token"/> was taken, unless a newer version is kept.</summary>
    internal void Put(AccountMap map, ReadToken token)
    {
        if (Capacity == 0)
        {
            return;
        }

        var key = (map.Workspace.Value, map.Id);
        var fresh = new Entry(map, Interlocked.Increment(ref _clock));
        var kept = _entries.AddOrUpdate(key, fresh, (_, old) => old.Map.Version >= map.Version ? old : fresh);
        if (ReferenceEquals(kept, fresh))
        {
            _names[(map.Workspace.Value, fresh.NameKey)] = map.Id;
        }

        if (kept.Map.Version == map.Version)
        {
            Trust(kept, key, token);
        }

        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    /// <summary>The listener is connected and listening: entries read from now on may be trusted. Returns its epoch.</summary>
    internal long StartListening()
    {
        var epoch = Interlocked.Increment(ref _lastEpoch);
        Volatile.Write(ref _epoch, epoch);
        return epoch;
    }

    /// <summary>The listener lost its connection (or stopped): nothing is trusted, not even after it reconnects.</summary>
    internal void StopListening() => Volatile.Write(ref _epoch, 0);

    /// <summary>A committed change of a map was announced: it is now at <paramref name="version"/> (0: deleted).</summary>
    internal void Changed(string workspace, Guid id, int version)
    {
        // Only the listener calls this, one notification at a time. The stripe is written before the entry is looked
        // at, and Put stores an entry before it reads the stripe: one of the two always sees the other.
        var key = (workspace, id);
        var sequence = Volatile.Read(ref _sequence) + 1;
        Volatile.Write(ref _stripes[Stripe(key)], sequence);
        Volatile.Write(ref _sequence, sequence);
        if (_entries.TryGetValue(key, out var entry) && (version == 0 || entry.Map.Version != version))
        {
            Remove(key, entry);
        }
    }

    /// <summary>Every map may have changed (the table was emptied): nothing kept is trusted or kept.</summary>
    internal void ChangedAll()
    {
        var sequence = Volatile.Read(ref _sequence) + 1;
        for (var i = 0; i < _stripes.Length; i++)
        {
            Volatile.Write(ref _stripes[i], sequence);
        }

        Volatile.Write(ref _sequence, sequence);
        _entries.Clear();
        _names.Clear();
    }

    private void Trust(Entry entry, (string, Guid) key, ReadToken token)
    {
        if (token.Epoch == 0 || entry.TrustedIn == token.Epoch)
        {
            return;
        }

        entry.TrustedIn = token.Epoch;

        // Distrusted again when the listener reconnected since the read began (a notification may have been missed) or
        // a change of this map (or one sharing its stripe) was announced while it was being read.
        if (Volatile.Read(ref _epoch) != token.Epoch || Volatile.Read(ref _stripes[Stripe(key)]) > token.Sequence)
        {
            entry.TrustedIn = 0;
        }
    }

    private void Remove((string Workspace, Guid Id) key, Entry entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            _names.TryRemove(KeyValuePair.Create((key.Workspace, entry.NameKey), key.Id));
        }
    }

    private static int Stripe((string, Guid) key) => (key.GetHashCode() & int.MaxValue) % StripeCount;

    private void Trim()
    {
        lock (_trimGate)
        {
            var excess = _entries.Count - Capacity;
            if (excess <= 0)
            {
                return;
            }

            foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(excess + (Capacity / 10)).Select(e => (e.Key, e.Value)).ToList())
            {
                Remove(key, entry);
            }

            // Names left behind by renamed maps.
            foreach (var name in _names.Where(n => !_entries.TryGetValue((n.Key.Workspace, n.Value), out var e) || !string.Equals(e.NameKey, n.Key.NameKey, StringComparison.Ordinal)).ToList())
            {
                _names.TryRemove(name);
            }
        }
    }

    /// <summary>The listener's epoch (0: not listening) and the last announced change's sequence number when a read began.</summary>
    internal readonly record struct ReadToken(long Epoch, long Sequence);

    private sealed class Entry(AccountMap map, long lastUsed)
    {
        private long _lastUsed = lastUsed;
        private long _trustedIn;

        public AccountMap Map { get; } = map;

        public string NameKey { get; } = map.Key;

        /// <summary>The listener epoch in which this entry may be used without a query; 0: never.</summary>
        public long TrustedIn
        {
            get => Volatile.Read(ref _trustedIn);
            set => Volatile.Write(ref _trustedIn, value);
        }

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);
    }
}
