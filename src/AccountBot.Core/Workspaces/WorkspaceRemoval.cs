using AccountBot.Core.Accounts;

namespace AccountBot.Core.Workspaces;

/// <summary>A workspace whose data is to be deleted after <see cref="DeleteAfter"/>, unless the app is installed again before.</summary>
/// <param name="Reason">What announced the removal (a platform's event name, such as <c>app_uninstalled</c>).</param>
public sealed record WorkspaceRemoval(WorkspaceKey Workspace, DateTimeOffset ScheduledAt, DateTimeOffset DeleteAfter, string Reason);
