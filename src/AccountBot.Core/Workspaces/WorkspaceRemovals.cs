using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Microsoft.Extensions.Logging;

namespace AccountBot.Core.Workspaces;

/// <summary>
/// Data leaves with the workspace: when the app is removed (Slack <c>app_uninstalled</c>, the bot token revoked, Teams
/// removed from the tenant's last conversation), the workspace's data is scheduled for deletion after
/// <see cref="WorkspaceRemovalPolicy.Grace"/> (zero: at once); installing again before then cancels it. The deletion
/// itself runs from <see cref="RunDueAsync"/>, which the host calls on a schedule. Every step is logged with the
/// workspace id, dates and counts, never content.
/// </summary>
public sealed partial class WorkspaceRemovals(
    IWorkspaceDataStore store,
    IAccountMapStore maps,
    IPendingImportStore imports,
    WorkspaceRemovalPolicy policy,
    TimeProvider time,
    ILogger<WorkspaceRemovals> logger) : IWorkspaceLifecycle
{
    public Task AppRemovedAsync(WorkspaceKey workspace, string reason, CancellationToken cancellationToken) =>
        ScheduleAsync(workspace, reason, cancellationToken);

    public async Task ConversationRemovedAsync(WorkspaceKey workspace, string conversationId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var left = await store.ForgetConversationAsync(workspace, conversationId, cancellationToken).ConfigureAwait(false);
        if (left > 0)
        {
            ConversationForgotten(logger, workspace.Value, left);
            return;
        }

        await ScheduleAsync(workspace, reason, cancellationToken).ConfigureAwait(false);
    }

    public async Task AppInstalledAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        await CancelAsync(workspace, cancellationToken).ConfigureAwait(false);

    /// <summary>Schedules the workspace's deletion (or, with no grace period, deletes it now); returns the schedule.</summary>
    public async Task<WorkspaceRemoval> ScheduleAsync(WorkspaceKey workspace, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        var removal = await store.ScheduleRemovalAsync(new WorkspaceRemoval(workspace, now, now + policy.Grace, reason), cancellationToken).ConfigureAwait(false);
        var counts = await store.CountAsync(workspace, cancellationToken).ConfigureAwait(false);
        Scheduled(logger, workspace.Value, removal.Reason, removal.DeleteAfter, counts.ToString());
        if (removal.DeleteAfter <= now)
        {
            await DeleteIfDueAsync(removal, now, cancellationToken).ConfigureAwait(false);
        }

        return removal;
    }

    /// <summary>The app was installed again: a deletion still scheduled is called off. True when one was.</summary>
    public async Task<bool> CancelAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        if (!await store.CancelRemovalAsync(workspace, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Cancelled(logger, workspace.Value);
        return true;
    }

    /// <summary>Deletes every workspace whose grace period is over; returns those this call deleted.</summary>
    public async Task<IReadOnlyList<(WorkspaceKey Workspace, WorkspaceDataCounts Deleted)>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = new List<(WorkspaceKey, WorkspaceDataCounts)>();
        foreach (var removal in await store.ListRemovalsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (removal.DeleteAfter <= now && await DeleteIfDueAsync(removal, now, cancellationToken).ConfigureAwait(false) is { } counts)
            {
                deleted.Add((removal.Workspace, counts));
            }
        }

        return deleted;
    }

    /// <summary>An operator's delete: everything of the workspace, now, scheduled or not.</summary>
    public async Task<WorkspaceDataCounts> DeleteNowAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        await ForgetImportsAsync(workspace, cancellationToken).ConfigureAwait(false);
        var counts = await store.DeleteAsync(workspace, cancellationToken).ConfigureAwait(false);
        Deleted(logger, workspace.Value, "operator", counts.ToString());
        return counts;
    }

    private async Task<WorkspaceDataCounts?> DeleteIfDueAsync(WorkspaceRemoval removal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Previews may live in memory, outside the store's transaction: forgotten first (a cancelled removal loses
        // only previews, which expire within the hour anyway).
        await ForgetImportsAsync(removal.Workspace, cancellationToken).ConfigureAwait(false);
        if (await store.DeleteIfDueAsync(removal.Workspace, now, cancellationToken).ConfigureAwait(false) is not { } counts)
        {
            return null;
        }

        Deleted(logger, removal.Workspace.Value, removal.Reason, counts.ToString());
        return counts;
    }

    private async Task ForgetImportsAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        foreach (var map in await maps.ListAsync(workspace, cancellationToken).ConfigureAwait(false))
        {
            await imports.ForgetAsync(workspace, map.Id, _ => true, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {Workspace} removed the app ({Reason}): its data will be deleted at {DeleteAfter} unless the app is installed again before; it holds {Counts}")]
    private static partial void Scheduled(ILogger logger, string workspace, string reason, DateTimeOffset deleteAfter, string counts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace {Workspace} removed the app from a conversation; the app is still in {Conversations} of its conversations, so its data stays")]
    private static partial void ConversationForgotten(ILogger logger, string workspace, int conversations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {Workspace} installed the app again: the scheduled deletion of its data is cancelled")]
    private static partial void Cancelled(ILogger logger, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {Workspace}'s data was deleted ({Reason}): {Counts}")]
    private static partial void Deleted(ILogger logger, string workspace, string reason, string counts);
}
