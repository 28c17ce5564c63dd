using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Security;

/// <summary>
/// Decides, before any listener runs, whether a verified request may touch account maps: its installation's team
/// or enterprise must be on <c>Slack:AllowedTeams</c> (when the list is not empty).
/// </summary>
public sealed class SlackAccessGate(IOptions<SlackOptions> options)
{
    private readonly Lazy<HashSet<string>> _allowed = new(() => new HashSet<string>(options.Value.AllowedTeams, StringComparer.Ordinal));

    /// <summary>True when the list is empty, or names the team or its enterprise.</summary>
    public bool IsAllowed(SlackTeamKey installation, string? workspaceTeamId)
    {
        var allowed = _allowed.Value;
        return allowed.Count == 0
            || (installation.EnterpriseId is { } enterprise && allowed.Contains(enterprise))
            || (installation.TeamId is { } team && allowed.Contains(team))
            || (workspaceTeamId is { } workspace && allowed.Contains(workspace));
    }

    public ValueTask<SlackAccess> CheckAsync(SlackRequester requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return ValueTask.FromResult(IsAllowed(requester.Installation, requester.WorkspaceTeamId) ? SlackAccess.Allowed : SlackAccess.WorkspaceNotAllowed);
    }
}
