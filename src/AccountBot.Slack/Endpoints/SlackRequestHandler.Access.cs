using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using AccountBot.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Endpoints;

/// <summary>The access check every request passes before its listener, and what a refused one is answered.</summary>
public sealed partial class SlackRequestHandler
{
    private async Task<SlackAccess> CheckAccessAsync(HttpContext http, SlackRequester requester)
    {
        var access = await gate.CheckAsync(requester, http.RequestAborted);
        // One line a second per outcome: a whole workspace that is not allowed must not flood the log.
        if (access != SlackAccess.Allowed && rejections.ShouldLog("slack access " + access, out var count))
            Log.AccessRefused(logger, http.Request.Path.Value ?? "", requester.Installation.ToString(), access.ToString(), count);
        return access;
    }

    /// <summary>A refused interaction: the notice goes where Slack shows one (the modal, or the response_url), nothing else.</summary>
    private Task RefuseAsync(HttpContext http, InteractionPayload payload, SlackAccess access, SlackListenerContext context)
    {
        switch (payload)
        {
            case ViewSubmissionPayload:
                return AckAsync(http, SlackRefusals.Modal(access), _json.ViewSubmissionResponse, null);
            case BlockSuggestionPayload:
                return AckAsync(http, OptionsResponse.Empty, _json.OptionsResponse, null);
            case BlockActionsPayload { ResponseUrl: { Length: > 0 } responseUrl } when Uri.TryCreate(responseUrl, UriKind.Absolute, out _):
                context.SendAfterAck(http.RequestServices.GetRequiredService<SlackResponseUrls>().Step(responseUrl, SlackRefusals.Message(access)));
                return AckAsync(http, context);
            default:
                return AckAsync(http, null);
        }
    }

    /// <summary>A refused event: acked with nothing; an external user's mention gets its one line privately after the ack (the returned context).</summary>
    private async Task<SlackListenerContext?> RefuseEventAsync(HttpContext http, EventCallbackEnvelope envelope, SlackAccess access)
    {
        // Without an installation there is no token to answer with.
        if (access != SlackAccess.ExternalUser || envelope.Event is not AppMentionEvent mention
            || await installations.FindAsync(envelope.TeamKey, http.RequestAborted) is null)
            return null;
        var slack = http.RequestServices.GetRequiredService<SlackApiClient>();
        var context = new SlackListenerContext(envelope.TeamKey);
        context.RunAfterAck(ct => slack.PostEphemeralAsync(envelope.TeamKey, mention.Channel, mention.User, SlackRefusals.Message(access) with { ResponseType = null, ReplaceOriginal = null }, ct));
        return context;
    }
}
