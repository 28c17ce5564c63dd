using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IAccountMapStore"/> on PostgreSQL: one row per map in <c>account_maps</c>, keyed by (workspace, id).
/// Every query names the workspace in its WHERE clause, so none can reach another workspace's maps. Maps read are kept
/// deserialised (<see cref="PostgresMapCache"/>): a map by id, or by its own name, is answered from memory while the
/// instance's <see cref="PostgresMapChangeListener"/> is connected (every committed change is announced to it); every
/// other read, and every read while the listener is away, asks the database which maps match and at which version
/// first, so what another instance saved is seen. Reads here, writes in PostgresAccountMapStore.Writes.cs.
/// </summary>
public sealed partial class PostgresAccountMapStore : IAccountMapStore
{
    /// <summary>Name keys looked at for "did you mean", at most; a workspace with more is narrowed down (as on LiteDB).</summary>
    public const int NameCandidates = 250;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresAccountMapStore> _logger;
    private readonly PostgresMapCache _cache;

    /// <summary>A store with a cache of its own and no listener: every read checks the stored version (today's behaviour of a tool or test).</summary>
    /// <param name="mapCacheSize">Maps kept deserialised (<see cref="PostgresOptions.MapCacheSize"/>); 0: none.</param>
    public PostgresAccountMapStore(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresAccountMapStore> logger, int mapCacheSize = PostgresOptions.DefaultMapCacheSize)
        : this(dataSource, time, logger, new PostgresMapCache(mapCacheSize))
    {
    }

    /// <param name="cache">The instance's cache, shared with its <see cref="PostgresMapChangeListener"/>.</param>
    public PostgresAccountMapStore(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresAccountMapStore> logger, PostgresMapCache cache)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(cache);
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
        _cache = cache;
    }

    public async Task<AccountMap?> GetAsync(WorkspaceKey workspace, Guid mapId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetTrusted(workspace, mapId, out var kept))
        {
            return kept;
        }

        var maps = await LoadMapsAsync(workspace, "workspace = @w AND id = @id", cancellationToken, ("id", mapId)).ConfigureAwait(false);
        return maps.Count == 0 ? null : maps[0];
    }

    public async Task<AccountMap?> FindByNameAsync(WorkspaceKey workspace, string name, CancellationToken cancellationToken)
    {
        // NameKey.Normalize refuses a null name. A blank one normalises to an empty key, which no map's name or alias has.
        var nameKey = NameKey.Normalize(name);
        if (_cache.TryGetTrustedByName(workspace, nameKey, out var kept))
        {
            return kept;
        }

        // A map's own name wins over another map's alias; among aliases the first name in order wins.
        var byName = await LoadMapsAsync(workspace, "workspace = @w AND name_key = @k", cancellationToken, ("k", nameKey)).ConfigureAwait(false);
        var found = byName.Count > 0 ? byName
            : await LoadMapsAsync(workspace, "workspace = @w AND lookup_keys @> ARRAY[@k]::text[]", cancellationToken, ("k", nameKey)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<AccountMap>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        LoadMapsAsync(workspace, "workspace = @w", cancellationToken);

    /// <summary>
    /// Every name key in a workspace of up to <see cref="NameCandidates"/> maps; beyond that, the keys nearest the typed
    /// one in ordinal order (half each side), read from the (workspace, name_key) index alone.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListNameCandidatesAsync(WorkspaceKey workspace, string nameKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await Sql.ListAsync<string>(connection, "SELECT name_key FROM account_maps WHERE workspace = @w ORDER BY name_key LIMIT @n", null, cancellationToken,
            ("w", workspace.Value), ("n", NameCandidates + 1)).ConfigureAwait(false);
        if (keys.Count > NameCandidates && nameKey.Length > 0)
        {
            var below = await Sql.ListAsync<string>(connection, "SELECT name_key FROM account_maps WHERE workspace = @w AND name_key <= @k ORDER BY name_key DESC LIMIT @n", null, cancellationToken,
                ("w", workspace.Value), ("k", nameKey), ("n", NameCandidates / 2)).ConfigureAwait(false);
            var above = await Sql.ListAsync<string>(connection, "SELECT name_key FROM account_maps WHERE workspace = @w AND name_key >= @k ORDER BY name_key LIMIT @n", null, cancellationToken,
                ("w", workspace.Value), ("k", nameKey), ("n", NameCandidates / 2)).ConfigureAwait(false);
            keys = [.. below.Concat(above).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return keys;
    }

    public async Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await Sql.ListAsync<string>(connection, "SELECT DISTINCT workspace FROM account_maps ORDER BY workspace", null, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(WorkspaceKey.Parse)];
    }

    public Task<IReadOnlyList<AccountMap>> ListLinkedToChannelAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return LoadMapsAsync(workspace, "workspace = @w AND channel_ids @> ARRAY[@c]::text[]", cancellationToken, ("c", channelId));
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(WorkspaceKey workspace, Guid mapId, int limit, CancellationToken cancellationToken)
    {
        // PostgreSQL refuses a negative LIMIT. Written as < 1: LIMIT 0 reads nothing too, so a <= 0 boundary would answer the same either way.
        if (limit < 1)
        {
            return [];
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection,
            "SELECT body::text FROM map_history WHERE workspace = @w AND map_id = @id ORDER BY version DESC LIMIT @n", null, cancellationToken,
            ("w", workspace.Value), ("id", mapId), ("n", limit)).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<HistoryEntry>)];
    }

    /// <summary>
    /// The maps matching <paramref name="where"/> (which names the workspace, as @w), ordered by name key: first their
    /// ids and versions, then the bodies of only those not kept at that version (on one connection, no transaction: a
    /// map saved in between is returned at its newer version, and one deleted in between is left out).
    /// </summary>
    private async Task<IReadOnlyList<AccountMap>> LoadMapsAsync(WorkspaceKey workspace, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        parameters = [("w", workspace.Value), .. parameters];
        var token = _cache.BeginRead();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var current = new List<(Guid Id, int Version)>();
        await using (var command = Sql.Command(connection, $"SELECT id, version FROM account_maps WHERE {where} ORDER BY name_key", null, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current.Add((reader.GetGuid(0), reader.GetInt32(1)));
            }
        }

        var maps = new Dictionary<Guid, AccountMap>(current.Count);
        var missing = new List<Guid>();
        foreach (var (id, version) in current)
        {
            if (_cache.TryGet(workspace, id, version, token, out var kept))
            {
                maps[id] = kept;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM account_maps WHERE workspace = @w AND id = ANY(@ids)", null, cancellationToken,
                ("w", workspace.Value), ("ids", missing.ToArray())).ConfigureAwait(false);
            foreach (var map in bodies.Select(StoredJson.Read<AccountMap>))
            {
                _cache.Put(map, token);
                maps[map.Id] = map;
            }
        }

        return [.. current.Where(c => maps.ContainsKey(c.Id)).Select(c => maps[c.Id])];
    }
}
