using System.Globalization;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Access;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack.Bot;

/// <summary>What the listeners post after the ack, and the rule for channels shared with another organisation.</summary>
public sealed partial class SlackBotListeners
{
    /// <summary>After the ack: shares the export as a file in the channel; a failure is told politely where the user asked.</summary>
    private void Upload(SlackListenerContext context, string? channel, string? threadTs, string? responseUrl, ExportView export, RequestContext request)
    {
        if (channel is not { Length: > 0 })
            return;
        var comment = $"{SlackMarkup.Mention(request.User)} exported *{SlackMarkup.Escape(export.Subject)}* ({export.RowsText}).";
        context.RunAfterAck(async ct =>
        {
            try
            {
                await slack.UploadFileAsync(context.Team, channel, export.FileName, export.Content, export.Title, comment, threadTs, ct);
            }
            catch (SlackApiException e)
            {
                Log.UploadFailed(logger, channel, e.Error);
                var sorry = messages.Failure(UploadFailedText(e.Error)) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false };
                try
                {
                    if (IsResponseUrl(responseUrl))
                        await slack.PostToResponseUrlAsync(responseUrl, sorry, ct);
                    else
                        await slack.PostMessageAsync(context.Team, channel, sorry with { ThreadTs = threadTs, ResponseType = null }, ct);
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

    private void Respond(SlackListenerContext context, string? responseUrl, SlackMessage message)
    {
        // No usable response_url (absent, or not an absolute http(s) URL): there is nowhere to answer.
        if (!IsResponseUrl(responseUrl))
            return;
        // Stored before the ack (the URL encrypted) and sent after a restart if need be.
        context.SendAfterAck(responseUrls.Step(responseUrl, message));
    }

    /// <summary>
    /// The one place a follow-up post's failure is sorted: throttled or unavailable goes back on the follow-up queue
    /// with Slack's Retry-After (it posted nothing, so sending it again cannot duplicate it); anything else Slack
    /// refused is only <paramref name="refused"/> (logged: the change it reports is already stored).
    /// </summary>
    internal static async Task RetryIfTransientAsync(Func<Task> send, Action<SlackApiException> refused)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is SlackApiException { IsTransient: true } or HttpRequestException)
        {
            throw new FollowUpRetryException((e as SlackApiException)?.RetryAfter, "Slack is throttling or unavailable.", e);
        }
        catch (SlackApiException e)
        {
            refused(e);
        }
    }

    private static bool IsResponseUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? responseUrl) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// <paramref name="message"/> as is, unless it would be seen in a channel shared with another organisation
    /// (an <c>in_channel</c> answer, or <paramref name="replacesChannelMessage"/>): then privately, the notice on top.
    /// </summary>
    private async Task<SlackMessage> PrivateIfSharedAsync(
        SlackTeamKey team, string? channel, SlackMessage message, bool replacesChannelMessage, bool? knownShared, CancellationToken cancellationToken)
    {
        if (message.ResponseType != ResponseType.InChannel && !replacesChannelMessage)
            return message;
        if (!await sharedChannels.IsSharedOrUnknownAsync(slack, team, channel, knownShared, cancellationToken))
            return message;
        Log.SharedChannelWithheld(logger, channel ?? "unknown", "map answer");
        return SharedChannelNotice.Private(message, AccessNotices.SharedChannelPrivateReply);
    }

    /// <summary>CSV exports are files in the channel: none into a shared one.</summary>
    private async Task<bool> ExportWithheldAsync(SlackTeamKey team, string? channel, bool? knownShared, CancellationToken cancellationToken)
    {
        if (!await sharedChannels.IsSharedOrUnknownAsync(slack, team, channel, knownShared, cancellationToken))
            return false;
        Log.SharedChannelWithheld(logger, channel ?? "unknown", "CSV export");
        return true;
    }

    private SlackMessage ExportRefused() =>
        messages.Render(new NoticeView(Tone.Warning, AccessNotices.SharedChannelSettings)) with { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false };

    /// <summary>An ephemeral message to one person in the channel; a failure is logged, never thrown.</summary>
    private async Task PostPrivatelyAsync(SlackTeamKey team, string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await slack.PostEphemeralAsync(team, channel, user, message with { ResponseType = null, ReplaceOriginal = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            Log.AnnounceFailed(logger, channel, e.Error);
        }
    }
}
