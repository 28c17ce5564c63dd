using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IDigestOutbox"/> on LiteDB: one document per digest key in <c>digest_outbox</c>. The key is the
/// primary key (unique by construction); updates compare the stored revision under the database's write gate,
/// so two attempts can never both claim an entry. Every write is one document, atomic on its own.
/// </summary>
public sealed class LiteDbDigestOutbox : IDigestOutbox
{
    private readonly LiteDbContext _context;
    private readonly ILiteCollection<DigestOutboxDocument> _entries;

    public LiteDbDigestOutbox(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _entries = context.Database.GetCollection<DigestOutboxDocument>(DigestOutboxDocument.Collection);
    }

    /// <summary>The outbox's indexes; called once when the database opens.</summary>
    internal static void EnsureIndexes(LiteDatabase database)
    {
        var entries = database.GetCollection<DigestOutboxDocument>(DigestOutboxDocument.Collection);
        entries.EnsureIndex(e => e.Workspace);
        entries.EnsureIndex(e => e.State);
        entries.EnsureIndex(e => e.UpdatedAt);
    }

    public Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var document = DigestOutboxDocument.From(entry with { Revision = 0 });
        try
        {
            _entries.Insert(document);
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    public Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.FindById(key.Value)?.ToDomain());
    }

    public Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var updated = entry with { Revision = entry.Revision + 1 };
        lock (_context.WriteGate)
        {
            var stored = _entries.FindById(entry.Key.Value);
            if (stored is null || stored.Revision != entry.Revision)
            {
                return Task.FromResult<OutboxEntry?>(null);
            }

            _entries.Update(DigestOutboxDocument.From(updated));
        }

        // What a later read returns: dates at the file's millisecond precision.
        return Task.FromResult<OutboxEntry?>(DigestOutboxDocument.From(updated).ToDomain());
    }

    public Task<IReadOnlySet<string>> ListKeysAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlySet<string> keys = _entries.Query()
            .Where(Filter.Eq(nameof(DigestOutboxDocument.Workspace), workspace.Value))
            .Select(e => e.Id)
            .ToEnumerable()
            .ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(keys);
    }

    public Task<IReadOnlyList<OutboxEntry>> ListByStateAsync(OutboxState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxEntry> entries = [.. _entries
            .Find(Filter.Eq(nameof(DigestOutboxDocument.State), state.ToString()))
            .Select(d => d.ToDomain())
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Key.Value, StringComparer.Ordinal)];
        return Task.FromResult(entries);
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = StoredDates.ToStored(before);
        var removed = 0;
        lock (_context.WriteGate)
        {
            var candidates = _entries.Find(Filter.Lt(nameof(DigestOutboxDocument.UpdatedAt), cutoff))
                .Where(d => d.State is not (OutboxState.Pending or OutboxState.Sending))
                .Select(d => (d.Id, d.Workspace, d.ChannelId, d.Week))
                .ToList();
            var latest = new Dictionary<(string Workspace, string Channel), string>();
            foreach (var (id, workspace, channel, week) in candidates)
            {
                if (!latest.TryGetValue((workspace, channel), out var newest))
                {
                    // Keys start with {workspace}|{channel}|, so the _id index finds a channel's weeks.
                    var prefix = new DigestKey(WorkspaceKey.Parse(workspace), channel, string.Empty).Value;
                    newest = _entries.Find(Filter.StartsWith("_id", prefix)).Max(e => e.Week) ?? week;
                    latest[(workspace, channel)] = newest;
                }

                // ISO weeks (yyyy-Www) sort as text.
                if (string.CompareOrdinal(week, newest) < 0 && _entries.Delete(id))
                {
                    removed++;
                }
            }
        }

        return Task.FromResult(removed);
    }
}
