using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// The writes of <see cref="PostgresAccountMapStore"/>: one transaction per map write. The stored row is locked
/// (<c>FOR UPDATE</c>) before its version is compared, so two instances saving from the same version cannot both
/// pass; the map, its history entry and the idempotency key commit together or not at all.
/// </summary>
public sealed partial class PostgresAccountMapStore
{
    private const string MapKeyConstraint = "account_maps_pkey";
    private const string NameConstraint = "account_maps_workspace_name_key_key";
    private const string AppliedKeyConstraint = "applied_keys_pkey";

    public async Task<SaveResult> SaveAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var map = write.Map;
        SaveResult result;

        // Taken before the write: a change another instance commits after this one is announced after this point.
        var token = _cache.BeginRead();
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                result = await SaveInTransactionAsync(connection, transaction, write, cancellationToken).ConfigureAwait(false);
                if (result.Outcome == SaveOutcome.Saved)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                    // Committed: the next read finds this version stored and need not parse it again.
                    if (result.Map is { } saved)
                    {
                        _cache.Put(saved, token);
                    }
                }
            }
            catch (PostgresException ex) when (Sql.IsUniqueViolation(ex, MapKeyConstraint))
            {
                // The same new map was created twice at once: the first one won.
                result = new SaveResult(SaveOutcome.VersionConflict, await GetAsync(map.Workspace, map.Id, cancellationToken).ConfigureAwait(false));
            }
            catch (PostgresException ex) when (Sql.IsUniqueViolation(ex, NameConstraint))
            {
                // Backstop for a concurrent namesake; the check in the transaction normally answers first.
                result = new SaveResult(SaveOutcome.NameTaken, null);
            }
            catch (PostgresException ex) when (Sql.IsUniqueViolation(ex, AppliedKeyConstraint))
            {
                // The same form was applied at once by another request (or instance), which committed first.
                result = await AlreadyAppliedAsync(connection, null, map.Workspace, write.IdempotencyKey!, cancellationToken).ConfigureAwait(false)
                    ?? new SaveResult(SaveOutcome.VersionConflict, await GetAsync(map.Workspace, map.Id, cancellationToken).ConfigureAwait(false));
            }
        }

        if (result.Outcome == SaveOutcome.Saved)
        {
            Log.MapSaved(_logger, map.Id, map.Workspace.Value, result.Map!.Version);
        }
        else
        {
            Log.MapNotSaved(_logger, map.Id, map.Workspace.Value, map.Version, result.Outcome);
        }

        return result;
    }

    public async Task<bool> IsAppliedAsync(WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await Sql.ListAsync<int>(connection, "SELECT 1 FROM applied_keys WHERE workspace = @w AND key = @k", null, cancellationToken,
            ("w", workspace.Value), ("k", idempotencyKey)).ConfigureAwait(false);
        return found.Count > 0;
    }

    public async Task<int> PruneIdempotencyKeysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, "DELETE FROM applied_keys WHERE applied_at < @before", null, cancellationToken,
            ("before", StoredJson.Truncate(before))).ConfigureAwait(false);
    }

    private async Task<SaveResult> SaveInTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MapWrite write, CancellationToken cancellationToken)
    {
        var map = write.Map;
        var workspace = map.Workspace.Value;
        if (write.IdempotencyKey is { } idempotencyKey)
        {
            if (await AlreadyAppliedAsync(connection, transaction, map.Workspace, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } applied)
            {
                return applied;
            }
        }

        var stored = await ReadMapAsync(connection, transaction, "workspace = @w AND id = @id FOR UPDATE", cancellationToken, ("w", workspace), ("id", map.Id)).ConfigureAwait(false);
        if (map.Version == 0)
        {
            if (stored is not null)
            {
                // The same map was created twice (e.g. a retried create): the first one won.
                return new SaveResult(SaveOutcome.VersionConflict, stored);
            }
        }
        else if (stored is null)
        {
            return new SaveResult(SaveOutcome.NotFound, null);
        }
        else if (stored.Version != map.Version)
        {
            return new SaveResult(SaveOutcome.VersionConflict, stored);
        }

        var saved = StoredJson.Stored(map with { Version = map.Version + 1 });
        var namesake = await ReadMapAsync(connection, transaction, "workspace = @w AND name_key = @k AND id <> @id", cancellationToken,
            ("w", workspace), ("k", saved.Key), ("id", map.Id)).ConfigureAwait(false);
        if (namesake is not null)
        {
            return new SaveResult(SaveOutcome.NameTaken, namesake);
        }

        if (stored is null && write.MapLimit is { } limit)
        {
            // Creates in one workspace take turns until commit, so concurrent creates cannot pass the limit.
            await Sql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@w, 0))", transaction, cancellationToken, ("w", workspace)).ConfigureAwait(false);
            var count = await Sql.ListAsync<long>(connection, "SELECT count(*) FROM account_maps WHERE workspace = @w", transaction, cancellationToken, ("w", workspace)).ConfigureAwait(false);
            if (count[0] >= limit)
            {
                return new SaveResult(SaveOutcome.LimitReached, null);
            }
        }

        (string, object?)[] row =
        [
            ("w", workspace), ("id", map.Id), ("k", saved.Key), ("v", saved.Version), ("body", new Sql.Json(StoredJson.Write(saved))),
            ("lookup", saved.Aliases.Select(NameKey.Normalize).Prepend(saved.Key).Distinct(StringComparer.Ordinal).ToArray()),
            ("channels", saved.LinkedChannels.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToArray()),
        ];
        await Sql.ExecuteAsync(connection, stored is null
            ? "INSERT INTO account_maps (workspace, id, name_key, lookup_keys, channel_ids, version, body) VALUES (@w, @id, @k, @lookup, @channels, @v, @body)"
            : "UPDATE account_maps SET name_key = @k, lookup_keys = @lookup, channel_ids = @channels, version = @v, body = @body WHERE workspace = @w AND id = @id",
            transaction, cancellationToken, row).ConfigureAwait(false);

        var history = write.History with { MapId = map.Id, Version = saved.Version };
        await Sql.ExecuteAsync(connection, "INSERT INTO map_history (workspace, map_id, version, body) VALUES (@w, @id, @v, @body)", transaction, cancellationToken,
            ("w", workspace), ("id", map.Id), ("v", saved.Version), ("body", new Sql.Json(StoredJson.Write(history)))).ConfigureAwait(false);

        if (write.IdempotencyKey is { } key)
        {
            await Sql.ExecuteAsync(connection, "INSERT INTO applied_keys (workspace, key, map_id, version, applied_at) VALUES (@w, @k, @id, @v, @at)", transaction, cancellationToken,
                ("w", workspace), ("k", key), ("id", map.Id), ("v", saved.Version), ("at", StoredJson.Truncate(_time.GetUtcNow()))).ConfigureAwait(false);
        }

        return new SaveResult(SaveOutcome.Saved, saved);
    }

    /// <summary>The answer to a write whose idempotency key is already recorded; null when it is not.</summary>
    private static async Task<SaveResult?> AlreadyAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken)
    {
        var mapIds = await Sql.ListAsync<Guid>(connection, "SELECT map_id FROM applied_keys WHERE workspace = @w AND key = @k", transaction, cancellationToken,
            ("w", workspace.Value), ("k", idempotencyKey)).ConfigureAwait(false);
        if (mapIds.Count == 0)
        {
            return null;
        }

        var current = await ReadMapAsync(connection, transaction, "workspace = @w AND id = @id", cancellationToken, ("w", workspace.Value), ("id", mapIds[0])).ConfigureAwait(false);
        return new SaveResult(SaveOutcome.AlreadyApplied, current);
    }

    private static async Task<AccountMap?> ReadMapAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var bodies = await Sql.ListAsync<string>(connection, $"SELECT body::text FROM account_maps WHERE {where}", transaction, cancellationToken, parameters).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<AccountMap>(bodies[0]);
    }
}
