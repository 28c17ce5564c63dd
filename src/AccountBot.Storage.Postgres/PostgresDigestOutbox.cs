using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IDigestOutbox"/> on PostgreSQL: one row per digest key in <c>digest_outbox</c> (the primary key, so one
/// entry per channel and week). An update is a compare-and-set on the revision in one statement: when two instances
/// claim the same entry from the same revision, the second waits for the first's row lock, then finds the revision
/// moved and changes nothing, so a digest is never handed to two senders.
/// </summary>
public sealed class PostgresDigestOutbox(NpgsqlDataSource dataSource) : IDigestOutbox
{
    public async Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { Revision = 0 };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(connection, """
            INSERT INTO digest_outbox (key, workspace, channel_id, week, state, revision, created_at, updated_at, body)
            VALUES (@key, @w, @c, @week, @state, 0, @created, @updated, @body)
            ON CONFLICT (key) DO NOTHING
            """, null, cancellationToken,
            ("key", stored.Key.Value), ("w", stored.Key.Workspace.Value), ("c", stored.Key.ChannelId), ("week", stored.Key.Week), ("state", stored.State.ToString()),
            ("created", StoredJson.Truncate(stored.CreatedAt)), ("updated", StoredJson.Truncate(stored.UpdatedAt)), ("body", new Sql.Json(StoredJson.Write(stored)))).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM digest_outbox WHERE key = @key", null, cancellationToken, ("key", key.Value)).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<OutboxEntry>(bodies[0]);
    }

    public async Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var updated = StoredJson.Stored(entry with { Revision = entry.Revision + 1 });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(connection, """
            UPDATE digest_outbox SET state = @state, revision = @revision, created_at = @created, updated_at = @updated, body = @body
            WHERE key = @key AND revision = @expected
            """, null, cancellationToken,
            ("key", entry.Key.Value), ("expected", entry.Revision), ("revision", updated.Revision), ("state", updated.State.ToString()),
            ("created", updated.CreatedAt), ("updated", updated.UpdatedAt), ("body", new Sql.Json(StoredJson.Write(updated)))).ConfigureAwait(false);
        return rows == 1 ? updated : null;
    }

    public async Task<IReadOnlySet<string>> ListKeysAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await Sql.ListAsync<string>(connection, "SELECT key FROM digest_outbox WHERE workspace = @w", null, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListByStateAsync(OutboxState state, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM digest_outbox WHERE state = @state ORDER BY created_at, key", null, cancellationToken,
            ("state", state.ToString())).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<OutboxEntry>)];
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Each channel's latest week stays, whatever its age: it tells the planner that week and every earlier one is done.
        return await Sql.ExecuteAsync(connection, """
            DELETE FROM digest_outbox d
            WHERE d.updated_at < @before
              AND d.state NOT IN ('Pending', 'Sending')
              AND d.week < (SELECT max(l.week) FROM digest_outbox l WHERE l.workspace = d.workspace AND l.channel_id = d.channel_id)
            """, null, cancellationToken, ("before", StoredJson.Truncate(before))).ConfigureAwait(false);
    }
}
