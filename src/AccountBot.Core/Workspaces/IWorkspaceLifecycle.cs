using AccountBot.Core.Accounts;

namespace AccountBot.Core.Workspaces;

/// <summary>
/// What a chat platform's adapter reports about its app's installation, so the workspace's data can leave with the app
/// (<see cref="WorkspaceRemovals"/>): the app removed from a whole workspace, from one conversation, or installed.
/// </summary>
public interface IWorkspaceLifecycle
{
    /// <summary>The app is gone from the whole workspace (Slack <c>app_uninstalled</c>, the bot token revoked).</summary>
    /// <param name="reason">What said so, for the log (an event name).</param>
    Task AppRemovedAsync(WorkspaceKey workspace, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// The app was removed from one conversation (Teams: a team, group chat or personal chat); its address is forgotten,
    /// and when the workspace has no conversation left the app is treated as removed from the whole workspace.
    /// </summary>
    Task ConversationRemovedAsync(WorkspaceKey workspace, string conversationId, string reason, CancellationToken cancellationToken);

    /// <summary>The app was installed (again): a deletion still scheduled is called off.</summary>
    Task AppInstalledAsync(WorkspaceKey workspace, CancellationToken cancellationToken);
}
