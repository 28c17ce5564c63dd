using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Slack.Endpoints;

/// <summary>Interactivity and options: buttons, modal submissions and closes, shortcuts, and external selects' searches.</summary>
public sealed partial class SlackRequestHandler
{
    private async Task DispatchInteractivityAsync(HttpContext http, string form, CancellationToken beforeAck)
    {
        var payload = InteractionPayload.ParseForm(form);
        var context = SlackListenerContext.For(payload, services, beforeAck);
        if (await CheckAccessAsync(http, SlackRequester.Of(payload)) is var access and not SlackAccess.Allowed)
        {
            await RefuseAsync(http, payload, access, context);
            return;
        }

        switch (payload)
        {
            case BlockActionsPayload actions:
                foreach (var action in actions.Actions)
                {
                    var listener = app.FindAction(action.ActionId);
                    if (listener is null)
                    {
                        // Link buttons send block_actions too; an unhandled action is acked so Slack shows no error.
                        Log.Unhandled(logger, "action", action.ActionId);
                        continue;
                    }

                    var result = await RunListenerAsync("action", action.ActionId, async () =>
                    {
                        await listener(actions, action, context, http.RequestAborted);
                        return true;
                    });
                    if (result.Failed)
                    {
                        if (app.CreateErrorHandler() is not { } errors)
                        {
                            await FailedAsync(http);
                            return;
                        }

                        errors.ActionFailed(actions, context);
                        break;
                    }
                }

                await AckAsync(http, context);
                return;

            case ViewSubmissionPayload submission:
            {
                var listener = app.FindViewSubmission(submission.View.CallbackId);
                if (listener is null)
                {
                    Log.Unhandled(logger, "view submission", submission.View.CallbackId);
                    await StatusAsync(http, StatusCodes.Status404NotFound);
                    return;
                }

                var reply = await RunListenerAsync("view submission", submission.View.CallbackId, () => listener(submission, context, http.RequestAborted));
                if (!reply.Failed)
                    await AckAsync(http, reply.Value, _json.ViewSubmissionResponse, context);
                else if (app.CreateErrorHandler() is { } errors)
                    await AckAsync(http, errors.ViewSubmissionFailed(submission, context), _json.ViewSubmissionResponse, context);
                else
                    await FailedAsync(http);
                return;
            }

            case ViewClosedPayload closed:
            {
                var listener = app.FindViewClosed(closed.View.CallbackId);
                if (listener is null)
                {
                    Log.Unhandled(logger, "view closed", closed.View.CallbackId);
                    await AckAsync(http, null);
                    return;
                }

                await RunThenAckAsync(http, "view closed", closed.View.CallbackId, context, () => listener(closed, context, http.RequestAborted));
                return;
            }

            case BlockSuggestionPayload suggestion:
                await DispatchSuggestionAsync(http, suggestion, beforeAck);
                return;

            case MessageActionPayload shortcut when app.FindShortcut(shortcut.CallbackId) is { } listener:
                await RunThenAckAsync(http, "shortcut", shortcut.CallbackId, context, () => listener(shortcut, context, http.RequestAborted));
                return;

            default:
                Log.Unhandled(logger, "interaction", payload.Type);
                await AckAsync(http, null);
                return;
        }
    }

    private async Task DispatchOptionsAsync(HttpContext http, string form, CancellationToken beforeAck)
    {
        if (InteractionPayload.ParseForm(form) is not BlockSuggestionPayload suggestion)
            throw new SlackPayloadException("the options endpoint expects a block_suggestion payload");
        if (await CheckAccessAsync(http, SlackRequester.Of(suggestion)) is not SlackAccess.Allowed)
            await AckAsync(http, OptionsResponse.Empty, _json.OptionsResponse, null);
        else
            await DispatchSuggestionAsync(http, suggestion, beforeAck);
    }

    private async Task DispatchSuggestionAsync(HttpContext http, BlockSuggestionPayload suggestion, CancellationToken beforeAck)
    {
        var listener = app.FindOptions(suggestion.ActionId);
        if (listener is null)
        {
            Log.Unhandled(logger, "options", suggestion.ActionId);
            await AckAsync(http, OptionsResponse.Empty, _json.OptionsResponse, null);
            return;
        }

        var context = SlackListenerContext.For(suggestion, services, beforeAck);
        var reply = await RunListenerAsync("options", suggestion.ActionId, () => listener(suggestion, context, http.RequestAborted));
        // A failed search offers nothing, as an unknown one does: Slack shows "no results", not an error.
        await AckAsync(http, reply.Failed ? OptionsResponse.Empty : reply.Value, _json.OptionsResponse, context);
    }

    /// <summary>A listener that answers nothing (a closed modal, a shortcut): an empty ack once it ran, a 500 when it failed.</summary>
    private async Task RunThenAckAsync(HttpContext http, string kind, string id, SlackListenerContext context, Func<Task> listener)
    {
        var result = await RunListenerAsync(kind, id, async () =>
        {
            await listener();
            return true;
        });
        if (result.Failed)
            await FailedAsync(http);
        else
            await AckAsync(http, context);
    }
}
