using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Settings;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Writes records exactly as another store holds them (versions and revisions kept), for <c>storage copy</c>. Every
/// write is an upsert on the table's primary key, so copying the same data again changes nothing and adds no row.
/// </summary>
public sealed class PostgresImport(NpgsqlDataSource dataSource)
{
    /// <summary>The tables a copy fills, in the order it fills them.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["account_maps", "map_history", "applied_keys", "channel_settings", "conversations", "blocked_conversations", "workspace_installations", "digest_outbox"];

    public Task MapAsync(AccountMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        return ExecuteAsync("""
            INSERT INTO account_maps (workspace, id, name_key, lookup_keys, channel_ids, version, body) VALUES (@w, @id, @k, @lookup, @channels, @v, @body)
            ON CONFLICT (workspace, id) DO UPDATE SET name_key = excluded.name_key, lookup_keys = excluded.lookup_keys, channel_ids = excluded.channel_ids, version = excluded.version, body = excluded.body
            """, cancellationToken,
            ("w", map.Workspace.Value), ("id", map.Id), ("k", map.Key), ("v", map.Version), ("body", new Sql.Json(StoredJson.Write(map))),
            ("lookup", map.Aliases.Select(NameKey.Normalize).Prepend(map.Key).Distinct(StringComparer.Ordinal).ToArray()),
            ("channels", map.LinkedChannels.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToArray()));
    }

    public Task HistoryAsync(WorkspaceKey workspace, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync("""
            INSERT INTO map_history (workspace, map_id, version, body) VALUES (@w, @id, @v, @body)
            ON CONFLICT (workspace, map_id, version) DO UPDATE SET body = excluded.body
            """, cancellationToken, ("w", workspace.Value), ("id", entry.MapId), ("v", entry.Version), ("body", new Sql.Json(StoredJson.Write(entry))));
    }

    public Task AppliedKeyAsync(WorkspaceKey workspace, string key, Guid mapId, int version, DateTimeOffset appliedAt, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO applied_keys (workspace, key, map_id, version, applied_at) VALUES (@w, @k, @id, @v, @at)
            ON CONFLICT (workspace, key) DO UPDATE SET map_id = excluded.map_id, version = excluded.version, applied_at = excluded.applied_at
            """, cancellationToken, ("w", workspace.Value), ("k", key), ("id", mapId), ("v", version), ("at", StoredJson.Truncate(appliedAt)));

    public Task ChannelSettingsAsync(ChannelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ExecuteAsync("""
            INSERT INTO channel_settings (workspace, channel_id, version, body) VALUES (@w, @c, @v, @body)
            ON CONFLICT (workspace, channel_id) DO UPDATE SET version = excluded.version, body = excluded.body
            """, cancellationToken, ("w", settings.Workspace.Value), ("c", settings.ChannelId), ("v", settings.Version), ("body", new Sql.Json(StoredJson.Write(settings))));
    }

    public Task ConversationAsync(ConversationAddress address, CancellationToken cancellationToken) =>
        new PostgresConversationStore(dataSource).SaveAsync(address, cancellationToken);

    public Task BlockedConversationAsync(BlockedConversation conversation, CancellationToken cancellationToken) =>
        new PostgresBlockedConversationStore(dataSource).SaveAsync(conversation, cancellationToken);

    public Task WorkspaceInstallationAsync(WorkspaceInstallation installation, CancellationToken cancellationToken) =>
        new PostgresWorkspaceInstallationStore(dataSource).SaveAsync(installation, cancellationToken);

    public Task DigestAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync("""
            INSERT INTO digest_outbox (key, workspace, channel_id, week, state, revision, created_at, updated_at, body)
            VALUES (@key, @w, @c, @week, @state, @revision, @created, @updated, @body)
            ON CONFLICT (key) DO UPDATE SET state = excluded.state, revision = excluded.revision, created_at = excluded.created_at, updated_at = excluded.updated_at, body = excluded.body
            """, cancellationToken,
            ("key", entry.Key.Value), ("w", entry.Key.Workspace.Value), ("c", entry.Key.ChannelId), ("week", entry.Key.Week), ("state", entry.State.ToString()), ("revision", entry.Revision),
            ("created", StoredJson.Truncate(entry.CreatedAt)), ("updated", StoredJson.Truncate(entry.UpdatedAt)), ("body", new Sql.Json(StoredJson.Write(entry))));
    }

    /// <summary>How many rows each of <see cref="Tables"/> holds.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            // Table names come from the constant list above, never from input.
            counts[table] = (await Sql.ListAsync<long>(connection, $"SELECT count(*) FROM {table}", null, cancellationToken).ConfigureAwait(false))[0];
        }

        return counts;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, sql, null, cancellationToken, parameters).ConfigureAwait(false);
    }
}
