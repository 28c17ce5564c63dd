using System.Text.RegularExpressions;
using AccountBot.Core.Access;
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

/// <summary><c>@AccountBot …</c> in a channel: answered in the thread, or privately where the channel is shared.</summary>
public sealed partial class SlackMentionListeners(
    CommandDispatcher dispatcher,
    SlackMessageRenderer messages,
    SlackCsvExport exports,
    SlackSharedChannels sharedChannels,
    ILogger<SlackMentionListeners> logger)
{
    public async Task OnAppMentionAsync(EventCallbackEnvelope envelope, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        if (envelope.Event is not AppMentionEvent mention)
            return;
        var text = LeadingMentions().Replace(SlackCommandText.Decode(mention.Text), string.Empty).Trim();
        if (!text.Equals("map", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("map ", StringComparison.OrdinalIgnoreCase))
            text = CommandText.FromTyped(text);
        var reply = await dispatcher.DispatchAsync(text, context.Request, cancellationToken);
        if (reply is ExportView export)
        {
            // No response_url here: a failed upload is told in the thread by the upload itself; a withheld one privately.
            if (await exports.WithheldAsync(context, envelope.IsExtSharedChannel, cancellationToken))
                await PostPrivatelyAsync(context, mention, exports.Refused(), cancellationToken);
            else
                exports.Upload(context, export, context.Request);
            return;
        }

        var message = messages.Render(reply, text);

        // Everything a mention answers is posted in the thread, so in a shared channel all of it goes privately.
        if (await sharedChannels.IsSharedOrUnknownAsync(context.Api, mention.Channel, envelope.IsExtSharedChannel, cancellationToken))
        {
            Log.SharedChannelWithheld(logger, mention.Channel, "mention answer");
            await PostPrivatelyAsync(context, mention, SharedChannelNotice.Private(message, AccessNotices.SharedChannelPrivateReply), cancellationToken);
            return;
        }

        try
        {
            await context.SayAsync(message, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, mention.Channel, e.Error);
        }
    }

    /// <summary>An ephemeral message in the mention's thread to its author; a failure is logged, never thrown.</summary>
    private async Task PostPrivatelyAsync(SlackListenerContext context, AppMentionEvent mention, SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await context.Api.PostEphemeralAsync(mention.Channel, mention.User,
                message with { ThreadTs = context.ThreadTs, ResponseType = null, ReplaceOriginal = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, mention.Channel, e.Error);
        }
    }

    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
