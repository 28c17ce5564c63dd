namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// Follow-up work promised after an ack (<see cref="StoredFollowUp"/>), kept until sent so that a crash does not lose
/// it. Claims are leases: every change but <see cref="AddAsync"/> names the owner and changes nothing when the item is
/// no longer that owner's (another instance took it over after the lease ran out), and two instances never claim the
/// same item at once. An item completed is gone: it is never claimed, so never sent, again.
/// </summary>
public interface IFollowUpOutbox
{
    /// <summary>Stores a new item, claimed by its <see cref="StoredFollowUp.Owner"/> until its lease ends.</summary>
    Task AddAsync(StoredFollowUp item, CancellationToken cancellationToken);

    /// <summary>
    /// Claims for <paramref name="owner"/> until <paramref name="leaseUntil"/> up to <paramref name="max"/> items whose
    /// lease ended before <paramref name="now"/>, oldest first; returns them as claimed.
    /// </summary>
    Task<IReadOnlyList<StoredFollowUp>> ClaimExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="owner"/>'s claim; false when the item is gone or claimed by another.</summary>
    Task<bool> RenewAsync(Guid id, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records that the steps before <paramref name="next"/> are sent; false when the claim is lost.</summary>
    Task<bool> AdvanceAsync(Guid id, string owner, int next, CancellationToken cancellationToken);

    /// <summary>Removes the item (all sent, or given up); false when the claim was lost.</summary>
    Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken);

    /// <summary>Ends every lease <paramref name="owner"/> holds (a stopping instance), so another may take them at once.</summary>
    Task<int> ReleaseAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The stored item, or null (for tests and operators).</summary>
    Task<StoredFollowUp?> GetAsync(Guid id, CancellationToken cancellationToken);
}
