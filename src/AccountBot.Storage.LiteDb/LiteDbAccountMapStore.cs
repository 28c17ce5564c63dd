using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IAccountMapStore"/> on LiteDB. Every read goes through a key or an index whose value
/// starts with the workspace, so no query can reach another workspace's maps. The work is synchronous
/// (LiteDB is an in-process file engine); the methods are async to honour the port. Reads here, writes in
/// LiteDbAccountMapStore.Writes.cs.
/// </summary>
public sealed partial class LiteDbAccountMapStore : IAccountMapStore
{
    // Versions are at most 10 digits (int), so this range covers every version of one map.
    private const int FirstVersion = 0;

    // What LoadMaps reads of each match before deciding whether it needs the whole document.
    private const string HeadSelector = "{ id: $._id, version: $.Version, key: $.WorkspaceNameKey }";

    /// <summary>Name keys looked at for "did you mean", at most; a workspace with more is narrowed down.</summary>
    public const int NameCandidates = 250;

    private const string NameIndexField = nameof(AccountMapDocument.WorkspaceNameKey);

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
        cancellationToken.ThrowIfCancellationRequested();

        // NameKey.Normalize refuses a null name. A blank one normalises to an empty key, which no map's name or alias has.
        var key = StoreKeys.Name(workspace, NameKey.Normalize(name));
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

    /// <summary>
    /// Every name key in a workspace of up to <see cref="NameCandidates"/> maps; beyond that, the
    /// <see cref="NameCandidates"/> keys nearest the typed one in alphabetical order (half each side). All come from
    /// the name index alone, so a 10,000-map workspace costs what a 250-map one does. In such a workspace the
    /// suggestions are names that start like the typed one (prefixes, typos towards the end); a typo in the first
    /// letters of a name finds no suggestion there.
    /// </summary>
    public Task<IReadOnlyList<string>> ListNameCandidatesAsync(WorkspaceKey workspace, string nameKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        cancellationToken.ThrowIfCancellationRequested();
        var prefix = StoreKeys.Name(workspace, string.Empty);
        var keys = NameIndexKeys(Filter.StartsWith(NameIndexField, prefix), NameCandidates + 1).ToList();
        if (keys.Count > NameCandidates && nameKey.Length > 0)
        {
            var typed = prefix + nameKey;
            keys = [.. NameIndexKeys(Filter.Between(NameIndexField, prefix, typed), NameCandidates / 2, descending: true)
                .Concat(NameIndexKeys(Filter.Between(NameIndexField, typed, StoreKeys.Name(workspace, char.ToString(char.MaxValue))), NameCandidates / 2))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        }

        IReadOnlyList<string> candidates = [.. keys.Select(k => k[prefix.Length..])];
        return Task.FromResult(candidates);
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

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(WorkspaceKey workspace, Guid mapId, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // No short-cut for limit <= 0: LiteDB's Limit of 0 or less reads nothing (GetHistoryAsync_LimitNotPositive_Empty).
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

    /// <summary>
    /// Keys of the name index (<c>{workspace}|{name key}</c>) matching <paramref name="filter"/>, in key order, at most
    /// <paramref name="limit"/>. Filter, order and projection name only the indexed field, so LiteDB answers from the
    /// index alone (<c>IsIndexKeyOnly</c>) and reads no map.
    /// </summary>
    private IEnumerable<string> NameIndexKeys(BsonExpression filter, int limit = int.MaxValue, bool descending = false)
    {
        var query = _context.Maps.Query().Where(filter);
        var ordered = descending ? query.OrderByDescending("$." + NameIndexField) : query.OrderBy("$." + NameIndexField);
        return ordered
            .Select("{ k: $." + NameIndexField + " }")
            .Limit(limit)
            .ToEnumerable()
            .Select(d => d["k"].AsString);
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
