using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Security;

/// <summary>
/// Who a verified request comes from, read as bolt reads it: the installation it is authorised for
/// (<see cref="Installation"/>: <c>authorizations[0]</c> for events, <c>view.app_installed_team_id</c>, then
/// <c>team.id</c>, then <c>user.team_id</c> for interactions, <c>team_id</c> for commands), that installation's
/// workspace, and the team of the person acting.
/// </summary>
/// <param name="WorkspaceTeamId">The workspace of the installation, also for an org-wide install (whose key has no team).</param>
/// <param name="UserTeamId">The acting user's own team when the payload says it, else null.</param>
public sealed record SlackRequester(SlackTeamKey Installation, string? WorkspaceTeamId, string? UserTeamId, string? ApiAppId)
{
    public static SlackRequester Of(SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new(command.TeamKey, command.TeamId, command.TeamId, command.ApiAppId);
    }

    public static SlackRequester Of(InteractionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(payload.TeamKey, payload.InstalledTeamId, payload.User.TeamId, payload.ApiAppId);
    }

    public static SlackRequester Of(EventCallbackEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var workspace = envelope.Authorizations is [var first, ..] ? first.TeamId ?? envelope.TeamId : envelope.TeamId;
        var userTeam = envelope.Event is AppMentionEvent mention ? mention.UserTeam ?? mention.Team : null;
        return new(envelope.TeamKey, workspace, userTeam, envelope.ApiAppId);
    }
}
