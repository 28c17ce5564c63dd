using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// What a platform itself says about who runs a workspace (Slack: <c>users.info</c> <c>is_admin</c> / <c>is_owner</c>).
/// A platform without one registers none, and only the configured admins count there.
/// </summary>
public interface IWorkspaceAdmins
{
    Platform Platform { get; }

    /// <summary>True when the platform says the user is an admin or owner of the workspace; false when it says not or cannot tell.</summary>
    Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken);
}
