using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Builds the core's <see cref="RequestContext"/> from a verified Slack request: the workspace is
/// <see cref="WorkspaceKey.ForSlack"/>(enterprise id, team id) of the request itself, never an id found in a form's data.
/// </summary>
internal static class SlackRequestContexts
{
    public static RequestContext From(SlashCommand command) => new(
        WorkspaceKey.ForSlack(command.EnterpriseId, command.TeamId),
        new UserRef(command.UserId, command.UserName ?? command.UserId),
        new ChannelRef(command.ChannelId, command.ChannelName));

    public static RequestContext From(InteractionPayload payload, string? channelId, string? channelName = null)
    {
        var team = payload.InstalledTeamId
            ?? throw new SlackPayloadException("interaction payload without a team id");
        var enterprise = payload.Enterprise?.Id ?? payload.Team?.EnterpriseId;
        return new RequestContext(
            WorkspaceKey.ForSlack(enterprise, team),
            new UserRef(payload.User.Id, payload.User.Name ?? payload.User.Username ?? payload.User.Id),
            new ChannelRef(string.IsNullOrEmpty(channelId) ? "unknown" : channelId, channelName));
    }

    public static RequestContext From(EventCallbackEnvelope envelope, AppMentionEvent mention)
    {
        var team = envelope.TeamId ?? mention.Team ?? envelope.Authorizations.FirstOrDefault()?.TeamId
            ?? throw new SlackPayloadException("event without a team id");
        return new RequestContext(
            WorkspaceKey.ForSlack(envelope.EnterpriseId, team),
            new UserRef(mention.User, mention.User),
            new ChannelRef(mention.Channel));
    }
}
