using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IPendingImportStore"/> on PostgreSQL: one row per preview in <c>pending_imports</c>, so any instance can
/// confirm it. An add takes a transaction-scoped advisory lock, so the bounds (per workspace, in all) are counted by one
/// instance at a time; expired previews are deleted then, and never returned before.
/// </summary>
public sealed class PostgresPendingImportStore(NpgsqlDataSource dataSource, TimeProvider time) : IPendingImportStore
{
    // An arbitrary constant naming "AccountBot pending imports" among the database's advisory locks.
    private const long LockKey = 0x4163_6374_426F_7402;

    public async Task<string?> AddAsync(WorkspaceKey workspace, Guid mapId, IReadOnlyList<CsvRow> rows, int didNotFit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var pending = StoredJson.Stored(new PendingImport(mapId, rows, didNotFit, now + IPendingImportStore.Lifetime));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", transaction, cancellationToken, ("key", LockKey)).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM pending_imports WHERE expires_at <= @now", transaction, cancellationToken, ("now", StoredJson.Truncate(now))).ConfigureAwait(false);
        var counts = await Sql.ListAsync<long[]>(connection,
            "SELECT ARRAY[count(*) FILTER (WHERE workspace = @w), count(*)] FROM pending_imports", transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        var (own, all) = (counts[0][0], counts[0][1]);
        if (own >= IPendingImportStore.PerWorkspace)
        {
            // A workspace previewing over and over only pushes out its own oldest.
            await Sql.ExecuteAsync(connection, """
                DELETE FROM pending_imports WHERE workspace = @w AND id = (SELECT id FROM pending_imports WHERE workspace = @w ORDER BY expires_at, id LIMIT 1)
                """, transaction, cancellationToken, ("w", workspace.Value)).ConfigureAwait(false);
        }
        else if (all >= IPendingImportStore.Capacity)
        {
            return null;
        }

        await Sql.ExecuteAsync(connection, "INSERT INTO pending_imports (workspace, id, map_id, expires_at, body) VALUES (@w, @id, @map, @expires, @body)", transaction, cancellationToken,
            ("w", workspace.Value), ("id", id), ("map", mapId), ("expires", pending.Expires), ("body", new Sql.Json(StoredJson.Write(pending)))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<PendingImport?> FindAsync(WorkspaceKey workspace, Guid mapId, string importId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(importId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection,
            "SELECT body::text FROM pending_imports WHERE workspace = @w AND id = @id AND map_id = @map AND expires_at > @now", null, cancellationToken,
            ("w", workspace.Value), ("id", importId), ("map", mapId), ("now", time.GetUtcNow())).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<PendingImport>(bodies[0]);
    }

    public async Task<int> ForgetAsync(WorkspaceKey workspace, Guid mapId, Func<PendingImport, bool> matches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matches);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ListAsync<string[]>(connection,
            "SELECT ARRAY[id, body::text] FROM pending_imports WHERE workspace = @w AND map_id = @map", null, cancellationToken,
            ("w", workspace.Value), ("map", mapId)).ConfigureAwait(false);
        var gone = rows.Where(r => matches(StoredJson.Read<PendingImport>(r[1]))).Select(r => r[0]).ToArray();
        if (gone.Length == 0)
        {
            return 0;
        }

        return await Sql.ExecuteAsync(connection, "DELETE FROM pending_imports WHERE workspace = @w AND id = ANY(@ids)", null, cancellationToken,
            ("w", workspace.Value), ("ids", gone)).ConfigureAwait(false);
    }
}
