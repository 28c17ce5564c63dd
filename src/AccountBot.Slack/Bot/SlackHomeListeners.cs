using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The App Home, "Your accounts": published on <c>app_home_opened</c>; its Done button marks the step and publishes the
/// home again with what happened on top; its Open map button sends the map to the user's direct messages with the app
/// (a Home tab has no response_url to answer in).
/// </summary>
public sealed class SlackHomeListeners(CommandDispatcher dispatcher, SlackMessageRenderer messages, ILogger<SlackHomeListeners> logger)
{
    public async Task OnAppHomeOpenedAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        if (envelope.Event is not AppHomeOpenedEvent { Tab: AppHomeOpenedEvent.HomeTab } opened)
            return;
        // The home belongs to no channel: a private map shows there only to its owner (its channels are elsewhere).
        await PublishHomeAsync(context, context.RequestIn(opened.User), null, cancellationToken);
    }

    public Task OnHomeActionAsync(BlockActionsPayload payload, SlackBlockAction action, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (action.Value is not { Length: > 0 } command)
            return Task.CompletedTask;
        var request = context.RequestIn(payload.User.Id);
        context.RunAfterAck(async ct =>
        {
            var reply = await dispatcher.DispatchAsync(command, request, ct);
            if (action.ActionId.StartsWith(SlackBotIds.HomeDone, StringComparison.Ordinal))
            {
                await PublishHomeAsync(context, request, (reply as NoticeView)?.Text, ct);
                return;
            }

            try
            {
                await context.Api.PostMessageAsync(request.User.Id, messages.Render(reply, command) with { ResponseType = null }, ct);
            }
            catch (SlackApiException e)
            {
                Log.HomeOpenFailed(logger, request.User.Id, e.Error);
            }
        });
        return Task.CompletedTask;
    }

    private async Task PublishHomeAsync(SlackListenerContext context, RequestContext request, string? notice, CancellationToken cancellationToken)
    {
        if (await dispatcher.DispatchAsync(CommandText.Mine, request, cancellationToken) is not HomeView home)
            return;
        try
        {
            await context.Api.PublishViewAsync(request.User.Id, HomeBlocks.Tab(home, notice), cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.HomePublishFailed(logger, request.User.Id, e.Error);
        }
    }
}
