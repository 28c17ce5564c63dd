using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Deleting a map (an admin's <c>map Acme delete</c>): the row is locked, its version compared, then deleted with the
/// last history entry written in the same transaction; the map's history stays.
/// </summary>
public sealed partial class PostgresAccountMapStore
{
    public async Task<SaveResult> DeleteAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var map = write.Map;
        var workspace = map.Workspace.Value;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var stored = await ReadMapAsync(connection, transaction, "workspace = @w AND id = @id FOR UPDATE", cancellationToken, ("w", workspace), ("id", map.Id)).ConfigureAwait(false);
            if (stored is null)
            {
                return new SaveResult(SaveOutcome.NotFound, null);
            }

            if (stored.Version != map.Version)
            {
                return new SaveResult(SaveOutcome.VersionConflict, stored);
            }

            await Sql.ExecuteAsync(connection, "DELETE FROM account_maps WHERE workspace = @w AND id = @id", transaction, cancellationToken,
                ("w", workspace), ("id", map.Id)).ConfigureAwait(false);
            var version = map.Version + 1;
            await Sql.ExecuteAsync(connection, "INSERT INTO map_history (workspace, map_id, version, body) VALUES (@w, @id, @v, @body)", transaction, cancellationToken,
                ("w", workspace), ("id", map.Id), ("v", version), ("body", new Sql.Json(StoredJson.Write(write.History with { MapId = map.Id, Version = version })))).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.MapDeleted(_logger, map.Id, workspace);
        return new SaveResult(SaveOutcome.Saved, null);
    }
}
