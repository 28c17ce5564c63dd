using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Routing;

/// <summary>How a context is built from each kind of verified request, and the neutral request it stands for.</summary>
public sealed partial class SlackListenerContext
{
    public static SlackListenerContext For(SlashCommand command, IServiceProvider services, CancellationToken beforeAck)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new(command.TeamKey, beforeAck)
        {
            _services = services,
            ChannelId = command.ChannelId,
            ResponseUrl = command.ResponseUrl,
            _buildRequest = () => new(
                WorkspaceKey.ForSlack(command.EnterpriseId, command.TeamId),
                new UserRef(command.UserId, command.UserName ?? command.UserId),
                new ChannelRef(command.ChannelId, command.ChannelName)),
        };
    }

    /// <summary>An interaction; its channel is the message's (an action, a shortcut), none for a modal's.</summary>
    public static SlackListenerContext For(InteractionPayload payload, IServiceProvider services, CancellationToken beforeAck)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var (channel, channelName, responseUrl) = payload switch
        {
            BlockActionsPayload actions => (actions.Channel?.Id ?? actions.Container?.ChannelId, actions.Channel?.Name, actions.ResponseUrl),
            MessageActionPayload shortcut => (shortcut.Channel?.Id, shortcut.Channel?.Name, shortcut.ResponseUrl),
            _ => (null, null, null),
        };
        return new(payload.TeamKey, beforeAck)
        {
            _services = services,
            ChannelId = channel,
            ResponseUrl = responseUrl,
            _buildRequest = () => new(
                WorkspaceKey.ForSlack(payload.Enterprise?.Id ?? payload.Team?.EnterpriseId,
                    payload.InstalledTeamId ?? throw new SlackPayloadException("interaction payload without a team id")),
                new UserRef(payload.User.Id, payload.User.Name ?? payload.User.Username ?? payload.User.Id),
                new ChannelRef(string.IsNullOrEmpty(channel) ? "unknown" : channel, channelName)),
        };
    }

    /// <summary>An event, handled after its ack: a mention's channel and thread, the Home's user.</summary>
    public static SlackListenerContext For(EventCallbackEnvelope envelope, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var mention = envelope.Event as AppMentionEvent;
        var user = mention?.User ?? (envelope.Event as AppHomeOpenedEvent)?.User;
        return new(envelope.TeamKey)
        {
            _services = services,
            ChannelId = mention?.Channel,
            ThreadTs = mention is null ? null : mention.ThreadTs ?? mention.Ts,
            _buildRequest = () => new(
                WorkspaceKey.ForSlack(envelope.EnterpriseId, envelope.TeamId ?? mention?.Team ?? envelope.Authorizations.FirstOrDefault()?.TeamId
                    ?? throw new SlackPayloadException("event without a team id")),
                new UserRef(user ?? throw new SlackPayloadException("event without a user"), user),
                new ChannelRef(mention?.Channel ?? user)),
        };
    }
}
