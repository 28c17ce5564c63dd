using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IBlockedConversationStore"/> on PostgreSQL: one row per (platform, conversation key), upserted and
/// deleted by key. Retention never prunes this table.
/// </summary>
public sealed class PostgresBlockedConversationStore(NpgsqlDataSource dataSource) : IBlockedConversationStore
{
    public async Task<IReadOnlyList<BlockedConversation>> ListAsync(Platform platform, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM blocked_conversations WHERE platform = @p", null, cancellationToken,
            ("p", platform.ToString())).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<BlockedConversation>)];
    }

    public async Task SaveAsync(BlockedConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(conversation.ConversationKey);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO blocked_conversations (platform, conversation_key, body) VALUES (@p, @k, @body)
            ON CONFLICT (platform, conversation_key) DO UPDATE SET body = excluded.body
            """, null, cancellationToken,
            ("p", conversation.Platform.ToString()), ("k", conversation.ConversationKey), ("body", new Sql.Json(StoredJson.Write(conversation)))).ConfigureAwait(false);
    }

    public async Task DeleteAsync(Platform platform, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM blocked_conversations WHERE platform = @p AND conversation_key = @k", null, cancellationToken,
            ("p", platform.ToString()), ("k", conversationKey)).ConfigureAwait(false);
    }
}
