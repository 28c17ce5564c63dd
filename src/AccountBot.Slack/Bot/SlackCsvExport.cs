using AccountBot.Core.Access;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// A CSV export answered in Slack, wherever it was asked (a command, a button, a mention): a file shared in the
/// request's channel after the ack, none into a channel shared with another organisation.
/// </summary>
public sealed class SlackCsvExport(SlackMessageRenderer messages, SlackSharedChannels sharedChannels, ILogger<SlackCsvExport> logger)
{
    /// <summary>True when the request's channel is shared (or cannot be checked): no file goes there.</summary>
    public async Task<bool> WithheldAsync(SlackListenerContext context, bool? knownShared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await sharedChannels.IsSharedOrUnknownAsync(context.Api, context.ChannelId, knownShared, cancellationToken))
            return false;
        Log.SharedChannelWithheld(logger, context.ChannelId ?? "unknown", "CSV export");
        return true;
    }

    /// <summary>What is shown instead of a withheld export.</summary>
    public SlackMessage Refused() =>
        messages.Render(new NoticeView(Tone.Warning, AccessNotices.SharedChannelSettings)) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false };

    /// <summary>
    /// After the ack: shares the export as a file in the request's channel (in its thread); a failure is told politely
    /// where the user asked (the response_url, or the thread).
    /// </summary>
    public void Upload(SlackListenerContext context, ExportView export, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(request);
        if (context.ChannelId is not { Length: > 0 } channel)
            return;
        var comment = $"{SlackMarkup.Mention(request.User)} exported *{SlackMarkup.Escape(export.Subject)}* ({export.RowsText}).";
        context.RunAfterAck(async ct =>
        {
            try
            {
                await context.Api.UploadFileAsync(channel, export.FileName, export.Content, export.Title, comment, context.ThreadTs, ct);
            }
            catch (SlackApiException e)
            {
                Log.UploadFailed(logger, channel, e.Error);
                var sorry = messages.Failure(UploadFailedText(e.Error)) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false };
                try
                {
                    if (context.HasResponseUrl)
                        await context.Api.PostToResponseUrlAsync(context.ResponseUrl, sorry, ct);
                    else
                        await context.SayAsync(sorry, ct);
                }
                catch (SlackApiException again)
                {
                    Log.RespondFailed(logger, again.Error);
                }
            }
        });
    }

    public static string UploadFailedText(string error) => error switch
    {
        "not_in_channel" or "channel_not_found" => "Sorry, I could not upload the CSV here: invite me to this channel first (/invite @AccountBot), then try again.",
        "missing_scope" or "not_allowed_token_type" => "Sorry, I could not upload the CSV: AccountBot needs permission to share files (files:write). Ask whoever installed it to reinstall it.",
        _ => "Sorry, I could not upload the CSV just now. Nothing was changed; please try again in a moment.",
    };
}
