using AccountBot.Core.Abstractions;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// The privacy writes of <see cref="PostgresAccountMapStore"/>: an erase in the map save's transaction (the row lock
/// and version check of <see cref="SaveAsync"/>), and pruning old history.
/// <para>
/// What PostgreSQL keeps physically: an updated or deleted row stays in its table file as a dead tuple until VACUUM
/// reclaims the space, and in the write-ahead log until that is recycled (and in any WAL archive or base backup).
/// No query returns it after the commit; to have the bytes gone, run <c>VACUUM FULL map_history, account_maps,
/// pending_imports, digest_outbox</c> and let the WAL roll over (README, Privacy).
/// </para>
/// </summary>
public sealed partial class PostgresAccountMapStore
{
    public async Task<SaveResult> EraseAsync(ErasureWrite erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var write = erasure.Write;
        var workspace = write.Map.Workspace.Value;
        var mapId = write.Map.Id;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await SaveInTransactionAsync(connection, transaction, write, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != SaveOutcome.Saved)
        {
            Log.MapNotSaved(_logger, mapId, workspace, write.Map.Version, result.Outcome);
            return result;
        }

        foreach (var entry in erasure.Rewritten)
        {
            await Sql.ExecuteAsync(connection, "UPDATE map_history SET body = @body WHERE workspace = @w AND map_id = @id AND version = @v", transaction, cancellationToken,
                ("w", workspace), ("id", mapId), ("v", entry.Version), ("body", new Sql.Json(StoredJson.Write(entry with { MapId = mapId })))).ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(connection, "DELETE FROM map_history WHERE workspace = @w AND map_id = @id AND version = ANY(@versions)", transaction, cancellationToken,
            ("w", workspace), ("id", mapId), ("versions", erasure.Removed.ToArray())).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.MapSaved(_logger, mapId, workspace, result.Map!.Version);
        return result;
    }

    public async Task<int> PruneHistoryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Entries keep their time in the JSON body (ISO 8601, UTC); a daily scan of the history is cheap next to a column.
        return await Sql.ExecuteAsync(connection, "DELETE FROM map_history WHERE (body->>'At')::timestamptz < @before", null, cancellationToken,
            ("before", StoredJson.Truncate(before))).ConfigureAwait(false);
    }
}
