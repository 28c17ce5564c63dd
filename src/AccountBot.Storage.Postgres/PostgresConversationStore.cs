using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary><see cref="IConversationStore"/> on PostgreSQL: one row per (workspace, channel), upserted.</summary>
public sealed class PostgresConversationStore(NpgsqlDataSource dataSource) : IConversationStore
{
    public async Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(address.ChannelId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO conversations (workspace, channel_id, platform, body) VALUES (@w, @c, @p, @body)
            ON CONFLICT (workspace, channel_id) DO UPDATE SET platform = excluded.platform, body = excluded.body
            """, null, cancellationToken,
            ("w", address.Workspace.Value), ("c", address.ChannelId), ("p", address.Workspace.Platform.ToString()), ("body", new Sql.Json(StoredJson.Write(address)))).ConfigureAwait(false);
    }

    public async Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM conversations WHERE workspace = @w AND channel_id = @c", null, cancellationToken,
            ("w", workspace.Value), ("c", channelId)).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<ConversationAddress>(bodies[0]);
    }

    public async Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM conversations WHERE platform = @p", null, cancellationToken,
            ("p", platform.ToString())).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<ConversationAddress>)];
    }
}
