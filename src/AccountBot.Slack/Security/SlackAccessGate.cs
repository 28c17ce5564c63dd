using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Security;

/// <summary>
/// Decides, before any listener runs, whether a verified request may touch account maps. Its installation's team
/// or enterprise must be on <c>Slack:AllowedTeams</c> (when the list is not empty). Then, as bolt's authorize does,
/// there must be an installation of this app for the team the request names; a request naming a team without one
/// comes from a Slack Connect member whose organisation has not installed AccountBot. Last, the acting user's own
/// team (when the payload carries it) must be the installation's workspace or enterprise.
/// </summary>
public sealed class SlackAccessGate(IOptions<SlackOptions> options, ISlackInstallationStore installations)
{
    private readonly Lazy<HashSet<string>> _allowed = new(() => new HashSet<string>(options.Value.AllowedTeams, StringComparer.Ordinal));

    /// <summary>True when the list is empty, or names the team or its enterprise.</summary>
    public bool IsAllowed(SlackTeamKey installation, string? workspaceTeamId)
    {
        // Plain null tests, not `is { } x` patterns: Stryker cannot compile a mutant of a pattern whose variable is
        // used after it, so these rules would go unchecked (docs/TESTING.md).
        var allowed = _allowed.Value;
        return allowed.Count == 0
            || (installation.EnterpriseId is not null && allowed.Contains(installation.EnterpriseId))
            || (installation.TeamId is not null && allowed.Contains(installation.TeamId))
            || (workspaceTeamId is not null && allowed.Contains(workspaceTeamId));
    }

    public async ValueTask<SlackAccess> CheckAsync(SlackRequester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (!IsAllowed(requester.Installation, requester.WorkspaceTeamId))
            return SlackAccess.WorkspaceNotAllowed;

        var installation = await installations.FindAsync(requester.Installation, cancellationToken);
        if (installation is null)
            return SlackAccess.ExternalUser;

        // An installation made through OAuth knows its app; a request for another app id is not for this installation.
        if (!string.IsNullOrEmpty(installation.AppId) && !string.IsNullOrEmpty(requester.ApiAppId)
            && !string.Equals(installation.AppId, requester.ApiAppId, StringComparison.Ordinal))
            return SlackAccess.ExternalUser;

        var userTeam = requester.UserTeamId;
        return string.IsNullOrEmpty(userTeam)
            || userTeam == requester.WorkspaceTeamId
            || userTeam == requester.Installation.TeamId
            || userTeam == requester.Installation.EnterpriseId
            ? SlackAccess.Allowed
            : SlackAccess.ExternalUser;
    }
}
