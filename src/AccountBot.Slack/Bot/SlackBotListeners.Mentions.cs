using AccountBot.Core.Access;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack.Bot;

/// <summary><c>@AccountBot …</c> in a channel: answered in the thread, or privately where the channel is shared.</summary>
public sealed partial class SlackBotListeners
{
    public async Task OnAppMentionAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        if (envelope.Event is not AppMentionEvent mention)
            return;
        var request = SlackRequestContexts.From(envelope, mention);
        var text = LeadingMentions().Replace(SlackCommandText.Decode(mention.Text), string.Empty).Trim();
        if (!text.Equals("map", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("map ", StringComparison.OrdinalIgnoreCase))
            text = CommandText.FromTyped(text);
        var thread = mention.ThreadTs ?? mention.Ts;
        var reply = await dispatcher.DispatchAsync(text, request, cancellationToken);
        if (reply is ExportView export)
        {
            // No response_url here: a failed upload is told in the thread by the upload itself; a withheld one privately.
            if (await ExportWithheldAsync(context.Team, mention.Channel, envelope.IsExtSharedChannel, cancellationToken))
                await PostPrivatelyAsync(context.Team, mention.Channel, mention.User, ExportRefused() with { ThreadTs = thread }, cancellationToken);
            else
                Upload(context, mention.Channel, thread, null, export, request);
            return;
        }

        var message = messages.Render(reply, text);

        // Everything a mention answers is posted in the thread, so in a shared channel all of it goes privately.
        if (await sharedChannels.IsSharedOrUnknownAsync(slack, context.Team, mention.Channel, envelope.IsExtSharedChannel, cancellationToken))
        {
            Log.SharedChannelWithheld(logger, mention.Channel, "mention answer");
            await PostPrivatelyAsync(context.Team, mention.Channel, mention.User,
                SharedChannelNotice.Private(message, AccessNotices.SharedChannelPrivateReply) with { ThreadTs = thread }, cancellationToken);
            return;
        }

        try
        {
            await slack.PostMessageAsync(context.Team, mention.Channel, message with { ThreadTs = thread, ResponseType = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, mention.Channel, e.Error);
        }
    }
}
