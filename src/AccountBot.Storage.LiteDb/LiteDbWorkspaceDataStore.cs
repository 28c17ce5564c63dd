using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IWorkspaceDataStore"/> on LiteDB: a workspace's documents are found by their workspace field (maps,
/// addresses, digests) or by the workspace prefix of their key (history, idempotency keys, channel settings), its
/// installation by its key. A delete runs in one transaction under the write gate (the process holds the file alone,
/// so that is also "once across instances") and checkpoints after it, as an erase does, so the deleted text is not
/// left readable in the file or its log (see <see cref="LiteDbAccountMapStore"/>'s privacy part).
/// Not deleted because they name no workspace: blocked conversation ids, handled event ids (kept two hours) and
/// follow-ups waiting to be sent (sent or given up within minutes).
/// </summary>
public sealed class LiteDbWorkspaceDataStore : IWorkspaceDataStore
{
    private const string BotTokenField = nameof(WorkspaceInstallationDocument.BotToken);

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private readonly ILiteCollection<WorkspaceRemovalDocument> _removals;

    public LiteDbWorkspaceDataStore(LiteDbContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        _context = context;
        _time = time;
        _removals = context.Database.GetCollection<WorkspaceRemovalDocument>(WorkspaceRemovalDocument.Collection);
    }

    public Task<WorkspaceRemoval> ScheduleRemovalAsync(WorkspaceRemoval removal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removal);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            if (_removals.FindById(removal.Workspace.Value) is { } stored)
            {
                return Task.FromResult(ToDomain(stored));
            }

            _removals.Insert(new WorkspaceRemovalDocument
            {
                Id = removal.Workspace.Value,
                ScheduledAt = StoredDates.ToStored(removal.ScheduledAt),
                DeleteAfter = StoredDates.ToStored(removal.DeleteAfter),
                Reason = removal.Reason,
            });
            return Task.FromResult(removal);
        }
    }

    public Task<bool> CancelRemovalAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            return Task.FromResult(_removals.Delete(workspace.Value));
        }
    }

    public Task<IReadOnlyList<WorkspaceRemoval>> ListRemovalsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<WorkspaceRemoval> removals = [.. _removals.FindAll().Select(ToDomain).OrderBy(r => r.DeleteAfter)];
        return Task.FromResult(removals);
    }

    public Task<int> ForgetConversationAsync(WorkspaceKey workspace, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        var conversations = _context.Conversations;
        lock (_context.WriteGate)
        {
            conversations.DeleteMany(BsonExpression.Create(
                $"$.{nameof(ConversationAddressDocument.Workspace)} = @0 AND ($.{nameof(ConversationAddressDocument.ConversationId)} = @1 OR $.{nameof(ConversationAddressDocument.ChannelId)} = @1)",
                workspace.Value,
                conversationId));
            // A person's address (a Teams nudge's) is not a conversation the app is in: it does not keep the workspace installed.
            return Task.FromResult(conversations.Count(BsonExpression.Create(
                $"$.{nameof(ConversationAddressDocument.Workspace)} = @0 AND ($.{nameof(ConversationAddressDocument.ConversationType)} = null OR $.{nameof(ConversationAddressDocument.ConversationType)} != @1)",
                workspace.Value,
                Adapters.Conversations.ConversationAddress.UserType)));
        }
    }

    public Task<WorkspaceDataCounts> CountAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Count(workspace));
    }

    public Task<WorkspaceDataCounts?> DeleteIfDueAsync(WorkspaceKey workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WorkspaceDataCounts counts;
        lock (_context.WriteGate)
        {
            if (_removals.FindById(workspace.Value) is not { } removal || StoredDates.FromStored(removal.DeleteAfter) > now)
            {
                return Task.FromResult<WorkspaceDataCounts?>(null);
            }

            counts = DeleteInTransaction(workspace);
        }

        // Outside the write gate: a checkpoint waits for every open transaction, which may be waiting for the gate.
        _context.Database.Checkpoint();
        return Task.FromResult<WorkspaceDataCounts?>(counts);
    }

    public Task<WorkspaceDataCounts> DeleteAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WorkspaceDataCounts counts;
        lock (_context.WriteGate)
        {
            counts = DeleteInTransaction(workspace);
        }

        _context.Database.Checkpoint();
        return Task.FromResult(counts);
    }

    public Task<WorkspaceExport> ExportAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = _context.Database;
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (collection, filter) in Filters(workspace))
        {
            tables[collection] = [.. database.GetCollection(collection).Find(filter).Select(d =>
            {
                d.Remove(BotTokenField);
                return JsonSerializer.Serialize(d);
            })];
        }

        return Task.FromResult(new WorkspaceExport(workspace, _time.GetUtcNow(), tables));
    }

    public Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        keys.UnionWith(_context.Maps.FindAll().Select(m => m.Workspace));
        keys.UnionWith(_context.ChannelSettings.FindAll().Select(s => s.Workspace));
        keys.UnionWith(_context.Conversations.FindAll().Select(c => c.Workspace));
        keys.UnionWith(_context.WorkspaceInstallations.FindAll().Select(i => i.Id).Where(k => !k.EndsWith('*')));
        keys.UnionWith(_removals.FindAll().Select(r => r.Id));
        IReadOnlyList<WorkspaceKey> workspaces = [.. keys.Select(WorkspaceKey.Parse)];
        return Task.FromResult(workspaces);
    }

    /// <summary>Where the workspace's documents are: each collection with the filter that finds them.</summary>
    private static IEnumerable<(string Collection, BsonExpression Filter)> Filters(WorkspaceKey workspace)
    {
        var prefix = workspace.Value + "|";
        yield return (LiteDbContext.MapsCollection, Filter.Eq(nameof(AccountMapDocument.Workspace), workspace.Value));
        yield return (LiteDbContext.HistoryCollection, Filter.StartsWith("_id", prefix));
        yield return (LiteDbContext.ChannelSettingsCollection, Filter.StartsWith("_id", prefix));
        yield return (LiteDbContext.ConversationsCollection, Filter.Eq(nameof(ConversationAddressDocument.Workspace), workspace.Value));
        yield return (DigestOutboxDocument.Collection, Filter.Eq(nameof(DigestOutboxDocument.Workspace), workspace.Value));
        yield return (LiteDbContext.AppliedKeysCollection, Filter.StartsWith("_id", prefix));
        yield return (LiteDbContext.WorkspaceInstallationsCollection, Filter.Eq("_id", workspace.Value));
        yield return (WorkspaceRemovalDocument.Collection, Filter.Eq("_id", workspace.Value));
        yield return (LiteDbNotifySettingsStore.Collection, Filter.StartsWith("_id", StoreKeys.NotifySetting(workspace, string.Empty)));
    }

    private WorkspaceDataCounts Count(WorkspaceKey workspace)
    {
        var counts = Filters(workspace).ToDictionary(f => f.Collection, f => _context.Database.GetCollection(f.Collection).Count(f.Filter), StringComparer.Ordinal);
        return new WorkspaceDataCounts
        {
            Maps = counts[LiteDbContext.MapsCollection],
            HistoryEntries = counts[LiteDbContext.HistoryCollection],
            ChannelSettings = counts[LiteDbContext.ChannelSettingsCollection],
            Conversations = counts[LiteDbContext.ConversationsCollection],
            Digests = counts[DigestOutboxDocument.Collection],
            IdempotencyKeys = counts[LiteDbContext.AppliedKeysCollection],
            Installations = counts[LiteDbContext.WorkspaceInstallationsCollection],
            NotifySettings = counts[LiteDbNotifySettingsStore.Collection],
        };
    }

    // Under the write gate.
    private WorkspaceDataCounts DeleteInTransaction(WorkspaceKey workspace)
    {
        var database = _context.Database;
        var mapIds = _context.Maps.Find(Filter.Eq(nameof(AccountMapDocument.Workspace), workspace.Value)).Select(m => m.Id).ToList();
        database.BeginTrans();
        try
        {
            var counts = Count(workspace);
            foreach (var (collection, filter) in Filters(workspace))
            {
                database.GetCollection(collection).DeleteMany(filter);
            }

            database.Commit();
            foreach (var id in mapIds)
            {
                _context.MapCache.Remove(id);
            }

            return counts;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    private static WorkspaceRemoval ToDomain(WorkspaceRemovalDocument d) =>
        new(WorkspaceKey.Parse(d.Id), StoredDates.FromStored(d.ScheduledAt), StoredDates.FromStored(d.DeleteAfter), d.Reason);
}
