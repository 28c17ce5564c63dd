using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// Where account maps live. Every query is scoped to one workspace: no method can return another
/// workspace's data. Writes are atomic with their history entry and checked against the version
/// the map was loaded at (optimistic concurrency).
/// </summary>
public interface IAccountMapStore
{
    Task<AccountMap?> GetAsync(WorkspaceKey workspace, Guid mapId, CancellationToken cancellationToken);

    /// <summary>Finds a map by its name or an alias, compared by <see cref="NameKey"/>.</summary>
    Task<AccountMap?> FindByNameAsync(WorkspaceKey workspace, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountMap>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>
    /// Candidates for "did you mean <paramref name="nameKey"/>": <see cref="NameKey"/>s of the workspace's map names,
    /// read without reading any map. A store may return all of them, or, in a large workspace, a bounded set of those
    /// likely to be near (the same first letters, the alphabetical neighbours), so the cost stays flat at 10,000 maps.
    /// </summary>
    Task<IReadOnlyList<string>> ListNameCandidatesAsync(WorkspaceKey workspace, string nameKey, CancellationToken cancellationToken);

    /// <summary>
    /// The workspaces that have at least one map (for jobs that visit every workspace, such as reminders);
    /// the one query not scoped to a workspace, and it returns only keys.
    /// </summary>
    Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountMap>> ListLinkedToChannelAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="write"/>: inserts when <c>Map.Version</c> is 0, otherwise replaces the map
    /// only if its stored version still equals <c>Map.Version</c>; the saved map gets version + 1.
    /// The history entry and the idempotency key are written in the same transaction.
    /// </summary>
    Task<SaveResult> SaveAsync(MapWrite write, CancellationToken cancellationToken);

    /// <summary>Whether a write with this idempotency key was already applied in the workspace.</summary>
    Task<bool> IsAppliedAsync(WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets idempotency keys applied before <paramref name="before"/> (in every workspace): a form submitted again
    /// after that is applied again. Returns how many were removed.
    /// </summary>
    Task<int> PruneIdempotencyKeysAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an erase (<see cref="ErasureWrite"/>) in one transaction, with the same version check as
    /// <see cref="SaveAsync"/>; when it returns <see cref="SaveOutcome.Saved"/>, the removed text is no longer in the
    /// store's files (LiteDB: checkpointed, its freed space zeroed).
    /// </summary>
    Task<SaveResult> EraseAsync(ErasureWrite erasure, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes <c>write.Map</c> if its stored version still equals <c>Map.Version</c> (else
    /// <see cref="SaveOutcome.VersionConflict"/>, or <see cref="SaveOutcome.NotFound"/> when it is gone), and writes
    /// <c>write.History</c> at version + 1 in the same transaction. The map's earlier history stays: who deleted it
    /// remains on record. Returns <see cref="SaveOutcome.Saved"/> with a null map once deleted.
    /// </summary>
    Task<SaveResult> DeleteAsync(MapWrite write, CancellationToken cancellationToken);

    /// <summary>Removes history entries written before <paramref name="before"/> (in every workspace); returns how many.</summary>
    Task<int> PruneHistoryAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(WorkspaceKey workspace, Guid mapId, int limit, CancellationToken cancellationToken);
}
