using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// The durable record of every weekly digest: one entry per <see cref="DigestKey"/> (channel and week), never two.
/// The reminder runner plans into it, sends from it, and records each attempt in it before and after calling the
/// platform, so a restart at any point neither repeats nor forgets a digest.
/// </summary>
public interface IDigestOutbox
{
    /// <summary>Adds a new entry (revision 0); false, and nothing changes, when its key is already there.</summary>
    Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the entry only if the stored one still has <c>entry.Revision</c>; returns the stored entry
    /// (revision + 1), or null when someone else changed or removed it first.
    /// </summary>
    Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>The keys (<see cref="DigestKey.Value"/>) of every entry of a workspace, whatever its state: the planner's done-set.</summary>
    Task<IReadOnlySet<string>> ListKeysAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>Every entry in one state, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListByStateAsync(OutboxState state, CancellationToken cancellationToken);

    /// <summary>
    /// Removes final entries (<see cref="OutboxEntry.IsFinal"/>) last changed before <paramref name="before"/>, except
    /// each channel's latest week: that one tells the planner the channel's latest digest, and every earlier week, is
    /// done, however long ago it was (a yearly schedule, reminders off for months). Returns how many were removed.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
