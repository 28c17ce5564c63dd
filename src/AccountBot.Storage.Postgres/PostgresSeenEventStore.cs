using AccountBot.Core.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="ISeenEventStore"/> on PostgreSQL: one row per event id in <c>seen_events</c>. Recording is one
/// insert-or-take-over-if-expired statement, so of two instances receiving one id at once the primary key lets exactly
/// one through; expired rows are deleted as ids are recorded.
/// </summary>
public sealed class PostgresSeenEventStore(NpgsqlDataSource dataSource, TimeProvider time) : ISeenEventStore
{
    public async Task<bool> TryRecordAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = StoredJson.Truncate(time.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var recorded = await Sql.ListAsync<string>(connection, """
            WITH expired AS (DELETE FROM seen_events WHERE expires_at <= @now AND event_id <> @id)
            INSERT INTO seen_events (event_id, expires_at) VALUES (@id, @expires)
            ON CONFLICT (event_id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_events.expires_at <= @now
            RETURNING event_id
            """, null, cancellationToken, ("id", eventId), ("now", now), ("expires", now + ISeenEventStore.Retention)).ConfigureAwait(false);
        return recorded.Count == 1;
    }
}
