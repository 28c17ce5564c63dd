using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The App Home, "Your accounts": published on <c>app_home_opened</c>; its Done button marks the step and publishes the
/// home again with what happened on top; its Open map button sends the map to the user's direct messages with the app
/// (a Home tab has no response_url to answer in).
/// </summary>
public sealed partial class SlackBotListeners
{
    public async Task OnAppHomeOpenedAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        if (envelope.Event is not AppHomeOpenedEvent { Tab: AppHomeOpenedEvent.HomeTab } opened)
            return;
        var team = envelope.TeamId ?? envelope.Authorizations.FirstOrDefault()?.TeamId
            ?? throw new SlackPayloadException("event without a team id");
        await PublishHomeAsync(context.Team, HomeContext(WorkspaceKey.ForSlack(envelope.EnterpriseId, team), opened.User, opened.User), null, cancellationToken);
    }

    public Task OnHomeActionAsync(BlockActionsPayload payload, SlackBlockAction action, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (action.Value is not { Length: > 0 } command)
            return Task.CompletedTask;
        var from = SlackRequestContexts.From(payload, payload.User.Id);
        var request = HomeContext(from.Workspace, from.User.Id, from.User.Name);
        context.RunAfterAck(async ct =>
        {
            var reply = await dispatcher.DispatchAsync(command, request, ct);
            if (action.ActionId.StartsWith(SlackBotIds.HomeDone, StringComparison.Ordinal))
            {
                await PublishHomeAsync(context.Team, request, (reply as NoticeView)?.Text, ct);
                return;
            }

            try
            {
                await slack.PostMessageAsync(context.Team, request.User.Id, messages.Render(reply, command) with { ResponseType = null }, ct);
            }
            catch (SlackApiException e)
            {
                Log.HomeOpenFailed(logger, request.User.Id, e.Error);
            }
        });
        return Task.CompletedTask;
    }

    // The home belongs to no channel: a private map shows there only to its owner (its channels are elsewhere).
    private static RequestContext HomeContext(WorkspaceKey workspace, string userId, string userName) =>
        new(workspace, new UserRef(userId, userName), new ChannelRef(userId));

    private async Task PublishHomeAsync(SlackTeamKey team, RequestContext request, string? notice, CancellationToken cancellationToken)
    {
        if (await dispatcher.DispatchAsync(CommandText.Mine, request, cancellationToken) is not HomeView home)
            return;
        try
        {
            await slack.PublishViewAsync(team, request.User.Id, HomeBlocks.Tab(home, notice), cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.HomePublishFailed(logger, request.User.Id, e.Error);
        }
    }
}
