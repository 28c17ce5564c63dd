using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>The writes of <see cref="LiteDbAccountMapStore"/>: one transaction per map write, under the file's write lock.</summary>
public sealed partial class LiteDbAccountMapStore
{
    public Task<SaveResult> SaveAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var database = _context.Database;
        SaveResult result;
        lock (_context.WriteGate)
        {
            // LiteDB 5 binds a transaction to the calling thread: nothing in here may await.
            database.BeginTrans();
            try
            {
                result = SaveInTransaction(write);
                if (result.Outcome == SaveOutcome.Saved)
                {
                    database.Commit();

                    // Before the write lock goes: no later save can be cached before this one.
                    _context.MapCache.Put(StoreKeys.Map(write.Map.Workspace, write.Map.Id), result.Map!);
                }
                else
                {
                    database.Rollback();
                }
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }

        var map = write.Map;
        if (result.Outcome == SaveOutcome.Saved)
        {
            Log.MapSaved(_logger, map.Id, map.Workspace.Value, result.Map!.Version);
        }
        else
        {
            Log.MapNotSaved(_logger, map.Id, map.Workspace.Value, map.Version, result.Outcome);
        }

        return Task.FromResult(result);
    }

    public Task<bool> IsAppliedAsync(WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_context.AppliedKeys.Exists(Filter.Eq("_id", StoreKeys.Idempotency(workspace, idempotencyKey))));
    }

    public Task<int> PruneIdempotencyKeysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            return Task.FromResult(_context.AppliedKeys.DeleteMany(Filter.Lt(nameof(AppliedKeyDocument.AppliedAt), StoredDates.ToStored(before))));
        }
    }

    private SaveResult SaveInTransaction(MapWrite write)
    {
        var map = write.Map;
        var workspace = map.Workspace;
        var maps = _context.Maps;

        if (write.IdempotencyKey is { } idempotencyKey)
        {
            var applied = _context.AppliedKeys.FindById(StoreKeys.Idempotency(workspace, idempotencyKey));
            if (applied is not null)
            {
                var current = maps.FindById(StoreKeys.Map(workspace, applied.MapId));
                return new SaveResult(SaveOutcome.AlreadyApplied, current?.ToDomain());
            }
        }

        var id = StoreKeys.Map(workspace, map.Id);
        var stored = maps.FindById(id);
        if (map.Version == 0)
        {
            if (stored is not null)
            {
                // The same map was created twice (e.g. a retried create): the first one won.
                return new SaveResult(SaveOutcome.VersionConflict, stored.ToDomain());
            }
        }
        else if (stored is null)
        {
            return new SaveResult(SaveOutcome.NotFound, null);
        }
        else if (stored.Version != map.Version)
        {
            return new SaveResult(SaveOutcome.VersionConflict, stored.ToDomain());
        }

        var document = AccountMapDocument.From(map with { Version = map.Version + 1 });
        var namesake = maps.FindOne(Filter.Eq(nameof(AccountMapDocument.WorkspaceNameKey), document.WorkspaceNameKey));
        if (namesake is not null && namesake.Id != id)
        {
            return new SaveResult(SaveOutcome.NameTaken, namesake.ToDomain());
        }

        // Counted under the write lock, inside the insert's transaction: concurrent creates cannot pass the limit.
        if (stored is null && write.MapLimit is { } limit && NameIndexKeys(Filter.StartsWith(NameIndexField, StoreKeys.Name(workspace, string.Empty)), limit).Count() >= limit)
        {
            return new SaveResult(SaveOutcome.LimitReached, null);
        }

        try
        {
            if (stored is null)
            {
                maps.Insert(document);
            }
            else
            {
                maps.Update(document);
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Backstop for the unique name index; the check above normally answers first.
            return new SaveResult(SaveOutcome.NameTaken, null);
        }

        var history = write.History with { MapId = map.Id, Version = document.Version };
        _context.History.Insert(HistoryEntryDocument.From(workspace, history));

        if (write.IdempotencyKey is { } key)
        {
            _context.AppliedKeys.Insert(new AppliedKeyDocument
            {
                Id = StoreKeys.Idempotency(workspace, key),
                Workspace = workspace.Value,
                Key = key,
                MapId = map.Id,
                Version = document.Version,
                AppliedAt = StoredDates.ToStored(_time.GetUtcNow()),
            });
        }

        // What a later load returns (dates at the stored precision), not the caller's object.
        return new SaveResult(SaveOutcome.Saved, document.ToDomain());
    }
}
