using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IAccountMapStore"/> on PostgreSQL: one row per map in <c>account_maps</c>, keyed by (workspace, id).
/// Every query names the workspace in its WHERE clause, so none can reach another workspace's maps. No map is cached
/// in the process: another instance may have written it, and a read by primary key costs what a version check would.
/// Reads here, writes in PostgresAccountMapStore.Writes.cs.
/// </summary>
public sealed partial class PostgresAccountMapStore : IAccountMapStore
{
    /// <summary>Name keys looked at for "did you mean", at most; a workspace with more is narrowed down (as on LiteDB).</summary>
    public const int NameCandidates = 250;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresAccountMapStore> _logger;

    public PostgresAccountMapStore(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresAccountMapStore> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
    }

    public async Task<AccountMap?> GetAsync(WorkspaceKey workspace, Guid mapId, CancellationToken cancellationToken)
    {
        var maps = await LoadMapsAsync("workspace = @w AND id = @id", cancellationToken, ("w", workspace.Value), ("id", mapId)).ConfigureAwait(false);
        return maps.Count == 0 ? null : maps[0];
    }

    public async Task<AccountMap?> FindByNameAsync(WorkspaceKey workspace, string name, CancellationToken cancellationToken)
    {
        // NameKey.Normalize refuses a null name. A blank one normalises to an empty key, which no map's name or alias has.
        var nameKey = NameKey.Normalize(name);

        // A map's own name wins over another map's alias; among aliases the first name in order wins.
        var byName = await LoadMapsAsync("workspace = @w AND name_key = @k", cancellationToken, ("w", workspace.Value), ("k", nameKey)).ConfigureAwait(false);
        var found = byName.Count > 0 ? byName
            : await LoadMapsAsync("workspace = @w AND lookup_keys @> ARRAY[@k]::text[]", cancellationToken, ("w", workspace.Value), ("k", nameKey)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<AccountMap>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        LoadMapsAsync("workspace = @w", cancellationToken, ("w", workspace.Value));

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
        return LoadMapsAsync("workspace = @w AND channel_ids @> ARRAY[@c]::text[]", cancellationToken, ("w", workspace.Value), ("c", channelId));
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

    /// <summary>The maps matching <paramref name="where"/> (which names the workspace), ordered by name key.</summary>
    private async Task<IReadOnlyList<AccountMap>> LoadMapsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, $"SELECT body::text FROM account_maps WHERE {where} ORDER BY name_key", null, cancellationToken, parameters).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<AccountMap>)];
    }
}
