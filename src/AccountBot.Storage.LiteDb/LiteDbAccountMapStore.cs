using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IAccountMapStore"/> on LiteDB. Every read goes through a key or an index whose value
/// starts with the workspace, so no query can reach another workspace's maps. The work is synchronous
/// (LiteDB is an in-process file engine); the methods are async to honour the port.
/// </summary>
public sealed class LiteDbAccountMapStore : IAccountMapStore
{
    // Versions are at most 10 digits (int), so this range covers every version of one map.
    private const int FirstVersion = 0;

    // What LoadMaps reads of each match before deciding whether it needs the whole document.
    private const string HeadSelector = "{ id: $._id, version: $.Version, key: $.WorkspaceNameKey }";

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private readonly ILogger<LiteDbAccountMapStore> _logger;

    public LiteDbAccountMapStore(LiteDbContext context, TimeProvider time, ILogger<LiteDbAccountMapStore> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _time = time;
        _logger = logger;
    }

    public Task<AccountMap?> GetAsync(WorkspaceKey workspace, Guid mapId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = StoreKeys.Map(workspace, mapId);
        if (_context.MapCache.TryGetCurrent(id, out var cached))
        {
            return Task.FromResult<AccountMap?>(cached);
        }

        var maps = LoadMaps(Filter.Eq("_id", id));
        return Task.FromResult(maps.Count == 0 ? null : maps[0]);
    }

    public Task<AccountMap?> FindByNameAsync(WorkspaceKey workspace, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var nameKey = NameKey.Normalize(name);
        if (nameKey.Length == 0)
        {
            return Task.FromResult<AccountMap?>(null);
        }

        var key = StoreKeys.Name(workspace, nameKey);
        if (_context.MapCache.TryFindByName(key, out var cached))
        {
            return Task.FromResult<AccountMap?>(cached);
        }

        // A map's own name wins over another map's alias; among aliases the first name in order wins.
        var byName = LoadMaps(Filter.Eq(nameof(AccountMapDocument.WorkspaceNameKey), key));
        var found = byName.Count > 0 ? byName : LoadMaps(Filter.AnyEquals(nameof(AccountMapDocument.LookupKeys), key));
        return Task.FromResult(found.Count == 0 ? null : found[0]);
    }

    public Task<IReadOnlyList<AccountMap>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LoadMaps(Filter.Eq(nameof(AccountMapDocument.Workspace), workspace.Value)));
    }

    public Task<IReadOnlyList<string>> ListNamesAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Projected: LiteDB reads only the Name field of each document, not the stakeholders.
        IReadOnlyList<string> names = [.. _context.Maps.Query()
            .Where(Filter.Eq(nameof(AccountMapDocument.Workspace), workspace.Value))
            .Select(m => m.Name)
            .ToEnumerable()
            .Order(StringComparer.OrdinalIgnoreCase)];
        return Task.FromResult(names);
    }

    public Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Projected: only the Workspace field of each map is read.
        IReadOnlyList<WorkspaceKey> workspaces = [.. _context.Maps.Query()
            .Select(m => m.Workspace)
            .ToEnumerable()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(WorkspaceKey.Parse)];
        return Task.FromResult(workspaces);
    }

    public Task<IReadOnlyList<AccountMap>> ListLinkedToChannelAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LoadMaps(Filter.AnyEquals(nameof(AccountMapDocument.ChannelKeys), StoreKeys.Channel(workspace, channelId))));
    }

    public Task<SaveResult> SaveAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var database = _context.Database;
        SaveResult result;
        lock (_context.WriteGate)
        {
            // LiteDB 5 binds a transaction to the calling thread: nothing in here may await.
            database.BeginTrans();
            try
            {
                result = SaveInTransaction(write);
                if (result.Outcome == SaveOutcome.Saved)
                {
                    database.Commit();

                    // Before the write lock goes: no later save can be cached before this one.
                    _context.MapCache.Put(StoreKeys.Map(write.Map.Workspace, write.Map.Id), result.Map!);
                }
                else
                {
                    database.Rollback();
                }
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }

        var map = write.Map;
        if (result.Outcome == SaveOutcome.Saved)
        {
            Log.MapSaved(_logger, map.Id, map.Workspace.Value, result.Map!.Version);
        }
        else
        {
            Log.MapNotSaved(_logger, map.Id, map.Workspace.Value, map.Version, result.Outcome);
        }

        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(WorkspaceKey workspace, Guid mapId, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (limit <= 0)
        {
            return Task.FromResult<IReadOnlyList<HistoryEntry>>([]);
        }

        // The primary key is {workspace}|{map}|{version:D10}: a key range is one map's history,
        // and descending key order is newest first.
        var from = StoreKeys.History(workspace, mapId, FirstVersion);
        var to = StoreKeys.History(workspace, mapId, int.MaxValue);
        IReadOnlyList<HistoryEntry> entries = [.. _context.History.Query()
            .Where(Filter.Between("_id", from, to))
            .OrderByDescending("_id")
            .Limit(limit)
            .ToEnumerable()
            .Select(h => h.ToDomain())];
        return Task.FromResult(entries);
    }

    public Task<bool> IsAppliedAsync(WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_context.AppliedKeys.Exists(Filter.Eq("_id", StoreKeys.Idempotency(workspace, idempotencyKey))));
    }

    public Task<int> PruneIdempotencyKeysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            return Task.FromResult(_context.AppliedKeys.DeleteMany(Filter.Lt(nameof(AppliedKeyDocument.AppliedAt), StoredDates.ToStored(before))));
        }
    }

    private SaveResult SaveInTransaction(MapWrite write)
    {
        var map = write.Map;
        var workspace = map.Workspace;
        var maps = _context.Maps;

        if (write.IdempotencyKey is { } idempotencyKey)
        {
            var applied = _context.AppliedKeys.FindById(StoreKeys.Idempotency(workspace, idempotencyKey));
            if (applied is not null)
            {
                var current = maps.FindById(StoreKeys.Map(workspace, applied.MapId));
                return new SaveResult(SaveOutcome.AlreadyApplied, current?.ToDomain());
            }
        }

        var id = StoreKeys.Map(workspace, map.Id);
        var stored = maps.FindById(id);
        if (map.Version == 0)
        {
            if (stored is not null)
            {
                // The same map was created twice (e.g. a retried create): the first one won.
                return new SaveResult(SaveOutcome.VersionConflict, stored.ToDomain());
            }
        }
        else if (stored is null)
        {
            return new SaveResult(SaveOutcome.NotFound, null);
        }
        else if (stored.Version != map.Version)
        {
            return new SaveResult(SaveOutcome.VersionConflict, stored.ToDomain());
        }

        var document = AccountMapDocument.From(map with { Version = map.Version + 1 });
        var namesake = maps.FindOne(Filter.Eq(nameof(AccountMapDocument.WorkspaceNameKey), document.WorkspaceNameKey));
        if (namesake is not null && namesake.Id != id)
        {
            return new SaveResult(SaveOutcome.NameTaken, namesake.ToDomain());
        }

        try
        {
            if (stored is null)
            {
                maps.Insert(document);
            }
            else
            {
                maps.Update(document);
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Backstop for the unique name index; the check above normally answers first.
            return new SaveResult(SaveOutcome.NameTaken, null);
        }

        var history = write.History with { MapId = map.Id, Version = document.Version };
        _context.History.Insert(HistoryEntryDocument.From(workspace, history));

        if (write.IdempotencyKey is { } key)
        {
            _context.AppliedKeys.Insert(new AppliedKeyDocument
            {
                Id = StoreKeys.Idempotency(workspace, key),
                Workspace = workspace.Value,
                Key = key,
                MapId = map.Id,
                Version = document.Version,
                AppliedAt = StoredDates.ToStored(_time.GetUtcNow()),
            });
        }

        // What a later load returns (dates at the stored precision), not the caller's object.
        return new SaveResult(SaveOutcome.Saved, document.ToDomain());
    }

    /// <summary>
    /// The maps matching <paramref name="filter"/>, ordered by name. Reads only id, version and name
    /// key of each match first (LiteDB deserialises just those fields), then takes each map from the
    /// cache when its version is current and reads the whole document only when it is not.
    /// </summary>
    private IReadOnlyList<AccountMap> LoadMaps(BsonExpression filter)
    {
        var heads = _context.Maps.Query()
            .Where(filter)
            .Select(HeadSelector)
            .ToEnumerable()
            .Select(d => (Id: d["id"].AsString, Version: d["version"].AsInt32, NameKey: d["key"].AsString))
            .OrderBy(h => h.NameKey, StringComparer.Ordinal)
            .ToList();

        var maps = new List<AccountMap>(heads.Count);
        foreach (var (id, version, _) in heads)
        {
            if (_context.MapCache.TryGet(id, version, out var cached))
            {
                maps.Add(cached);
                continue;
            }

            // Possibly newer than the head if a save committed in between: still the current state.
            var document = _context.Maps.FindById(id);
            if (document is not null)
            {
                var map = document.ToDomain();
                _context.MapCache.Put(id, map);
                maps.Add(map);
            }
        }

        return maps;
    }

}
