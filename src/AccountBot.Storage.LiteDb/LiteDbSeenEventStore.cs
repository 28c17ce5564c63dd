using AccountBot.Core.Abstractions;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="ISeenEventStore"/> on LiteDB: one document per event id in <c>seen_events</c>, so a retry that arrives
/// after a restart is still recognised. Expired ids are deleted by each record (indexed by expiry), which keeps the
/// collection to about <see cref="ISeenEventStore.Retention"/>'s worth of events.
/// </summary>
public sealed class LiteDbSeenEventStore : ISeenEventStore
{
    internal const string Collection = "seen_events";

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private readonly ILiteCollection<SeenEventDocument> _seen;

    public LiteDbSeenEventStore(LiteDbContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _time = time;
        _seen = context.Database.GetCollection<SeenEventDocument>(Collection);
        _seen.EnsureIndex(d => d.Expires);
    }

    public Task<bool> TryRecordAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        cancellationToken.ThrowIfCancellationRequested();
        var at = _time.GetUtcNow();
        var now = StoredDates.ToStored(at);
        // The gate makes the read and the write one step: two deliveries of one id cannot both find it absent.
        lock (_context.WriteGate)
        {
            _seen.DeleteMany(Query.LTE(nameof(SeenEventDocument.Expires), now));
            if (_seen.FindById(eventId) is not null)
            {
                return Task.FromResult(false);
            }

            _seen.Insert(new SeenEventDocument { Id = eventId, Expires = StoredDates.ToStored(at + ISeenEventStore.Retention) });
            return Task.FromResult(true);
        }
    }
}
