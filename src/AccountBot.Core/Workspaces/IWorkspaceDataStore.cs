using AccountBot.Core.Accounts;

namespace AccountBot.Core.Workspaces;

/// <summary>
/// Everything a store keeps for one workspace, taken as a whole: when the app is removed from the workspace its data
/// leaves with it (<see cref="WorkspaceRemovals"/>), and an operator may export or delete it. The schedule of a
/// deletion (<see cref="WorkspaceRemoval"/>) is stored beside the data, so it survives restarts and every instance
/// sees the same one.
/// </summary>
public interface IWorkspaceDataStore
{
    /// <summary>
    /// Records that the workspace's data is to be deleted after <c>removal.DeleteAfter</c>; a removal already
    /// scheduled stays as it was (a second uninstall event does not postpone the first). Returns what is stored.
    /// </summary>
    Task<WorkspaceRemoval> ScheduleRemovalAsync(WorkspaceRemoval removal, CancellationToken cancellationToken);

    /// <summary>Forgets the scheduled removal (the app was installed again); false when none was scheduled.</summary>
    Task<bool> CancelRemovalAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>Every scheduled removal, earliest first.</summary>
    Task<IReadOnlyList<WorkspaceRemoval>> ListRemovalsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the stored addresses of one conversation (those whose conversation or channel id is
    /// <paramref name="conversationId"/>): the app was removed from it. Returns how many addresses the workspace has left.
    /// </summary>
    Task<int> ForgetConversationAsync(WorkspaceKey workspace, string conversationId, CancellationToken cancellationToken);

    /// <summary>How many records of each kind the workspace has.</summary>
    Task<WorkspaceDataCounts> CountAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the workspace's data, in one transaction with its scheduled removal, when that removal is still
    /// scheduled and due at <paramref name="now"/>; null (nothing deleted) when it is not, because it was cancelled
    /// or another instance deleted it first. So a scheduled deletion runs exactly once across instances.
    /// </summary>
    Task<WorkspaceDataCounts?> DeleteIfDueAsync(WorkspaceKey workspace, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the workspace's data (and any scheduled removal) now; returns what was deleted.</summary>
    Task<WorkspaceDataCounts> DeleteAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>Every record the workspace has, as stored (a bot token is left out: it is a secret, not the workspace's data).</summary>
    Task<WorkspaceExport> ExportAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>Every workspace that has a map, channel settings, an address or an installation (only keys).</summary>
    Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken);
}
