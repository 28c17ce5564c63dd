using AccountBot.Core.Abstractions;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// The privacy writes of <see cref="LiteDbAccountMapStore"/>: erasing a person and pruning old history.
/// <para>
/// Why an erase leaves nothing readable in the file: LiteDB 5.0.21 zeroes the bytes of a deleted or shrunk document
/// segment in its page (<c>BasePage.Delete</c>, <c>BasePage.Update</c>) and the whole content of a page it frees
/// (<c>MarkAsEmtpy</c>), so no freed space keeps old text. But a commit first goes to the <c>-log</c> file, and the
/// data file keeps the old pages until a checkpoint copies the new ones over them: the erase therefore checkpoints
/// before it returns, which also empties the log. A test reads both files' bytes to hold this.
/// </para>
/// </summary>
public sealed partial class LiteDbAccountMapStore
{
    public Task<SaveResult> EraseAsync(ErasureWrite erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        cancellationToken.ThrowIfCancellationRequested();
        var write = erasure.Write;
        var workspace = write.Map.Workspace;
        var database = _context.Database;
        SaveResult result;
        lock (_context.WriteGate)
        {
            database.BeginTrans();
            try
            {
                result = SaveInTransaction(write);
                if (result.Outcome != SaveOutcome.Saved)
                {
                    database.Rollback();
                    return Task.FromResult(result);
                }

                foreach (var entry in erasure.Rewritten)
                {
                    _context.History.Update(HistoryEntryDocument.From(workspace, entry with { MapId = write.Map.Id }));
                }

                foreach (var version in erasure.Removed)
                {
                    _context.History.Delete(StoreKeys.History(workspace, write.Map.Id, version));
                }

                database.Commit();
                _context.MapCache.Put(StoreKeys.Map(workspace, write.Map.Id), result.Map!);
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }

        // Outside the write gate: a checkpoint waits for every open transaction, which may be waiting for the gate.
        database.Checkpoint();
        Log.PersonErased(_logger, write.Map.Id, workspace.Value, erasure.Rewritten.Count, erasure.Removed.Count);
        return Task.FromResult(result);
    }

    public Task<int> PruneHistoryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            return Task.FromResult(_context.History.DeleteMany(Filter.Lt(nameof(HistoryEntryDocument.At), StoredDates.ToStored(before))));
        }
    }
}
