using AccountBot.Core.Abstractions;
using AccountBot.Adapters.FollowUps;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IFollowUpOutbox"/> on LiteDB: one document per item in <c>follow_ups</c>. The file has one writer (this
/// process at a time), so a claim is a read and a write under the database's write gate. The owner is checked all the
/// same: a restarted process sends what the crashed one left only once it has claimed it, after the lease.
/// </summary>
public sealed class LiteDbFollowUpOutbox : IFollowUpOutbox
{
    private readonly LiteDbContext _context;
    private readonly ILiteCollection<FollowUpDocument> _items;

    public LiteDbFollowUpOutbox(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _items = context.Database.GetCollection<FollowUpDocument>(FollowUpDocument.Collection);
    }

    /// <summary>The collection's index; called once when the database opens.</summary>
    internal static void EnsureIndexes(LiteDatabase database)
    {
        var items = database.GetCollection<FollowUpDocument>(FollowUpDocument.Collection);
        items.EnsureIndex(d => d.LeaseUntil);
        items.EnsureIndex(d => d.Owner);
    }

    public Task AddAsync(StoredFollowUp item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _items.Insert(FollowUpDocument.From(item));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredFollowUp>> ClaimExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var claimed = new List<StoredFollowUp>();
        lock (_context.WriteGate)
        {
            var expired = _items.Find(Filter.Lt(nameof(FollowUpDocument.LeaseUntil), StoredDates.ToStored(now)))
                .OrderBy(d => d.CreatedAt)
                .ThenBy(d => d.Id)
                .Take(max)
                .ToList();
            foreach (var document in expired)
            {
                document.Owner = owner;
                document.LeaseUntil = StoredDates.ToStored(leaseUntil);
                _items.Update(document);
                claimed.Add(document.ToDomain());
            }
        }

        return Task.FromResult<IReadOnlyList<StoredFollowUp>>(claimed);
    }

    public Task<bool> RenewAsync(Guid id, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        ChangeAsync(id, owner, d => d.LeaseUntil = StoredDates.ToStored(leaseUntil), cancellationToken);

    public Task<bool> AdvanceAsync(Guid id, string owner, int next, CancellationToken cancellationToken) =>
        ChangeAsync(id, owner, d => d.Next = next, cancellationToken);

    public Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            var stored = _items.FindById(id);
            return Task.FromResult(stored is not null && stored.Owner == owner && _items.Delete(id));
        }
    }

    public Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var released = 0;
        lock (_context.WriteGate)
        {
            foreach (var document in _items.Find(Filter.Eq(nameof(FollowUpDocument.Owner), owner)).ToList())
            {
                document.LeaseUntil = StoredDates.ToStored(now);
                _items.Update(document);
                released++;
            }
        }

        return Task.FromResult(released);
    }

    public Task<StoredFollowUp?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_items.FindById(id)?.ToDomain());
    }

    private Task<bool> ChangeAsync(Guid id, string owner, Action<FollowUpDocument> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteGate)
        {
            var stored = _items.FindById(id);
            if (stored is null || stored.Owner != owner)
                return Task.FromResult(false);
            change(stored);
            _items.Update(stored);
            return Task.FromResult(true);
        }
    }
}
