using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary>Deleting a map (an admin's <c>map Acme delete</c>): the map goes, its history stays with one last entry.</summary>
public sealed partial class LiteDbAccountMapStore
{
    public Task<SaveResult> DeleteAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var map = write.Map;
        var id = StoreKeys.Map(map.Workspace, map.Id);
        var database = _context.Database;
        lock (_context.WriteGate)
        {
            var stored = _context.Maps.FindById(id);
            if (stored is null)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.NotFound, null));
            }

            if (stored.Version != map.Version)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.VersionConflict, stored.ToDomain()));
            }

            // LiteDB 5 binds a transaction to the calling thread: nothing in here may await.
            database.BeginTrans();
            try
            {
                _context.Maps.Delete(id);
                _context.History.Insert(HistoryEntryDocument.From(map.Workspace, write.History with { MapId = map.Id, Version = map.Version + 1 }));
                database.Commit();
                _context.MapCache.Remove(id);
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }

        Log.MapDeleted(_logger, map.Id, map.Workspace.Value);
        return Task.FromResult(new SaveResult(SaveOutcome.Saved, null));
    }
}
