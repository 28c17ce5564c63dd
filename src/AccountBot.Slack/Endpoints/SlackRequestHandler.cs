using System.Text;
using System.Text.Json;
using AccountBot.Adapters.Buffers;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Logging;
using AccountBot.Core.Workspaces;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using AccountBot.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Endpoints;

/// <summary>
/// What every Slack endpoint does: read the raw body (bounded), verify the signature (401, nothing else happens),
/// parse once, route to the listener, write its ack, and only then queue the follow-up work.
/// </summary>
internal sealed partial class SlackRequestHandler(
    IOptions<SlackOptions> options,
    SlackSignatureVerifier verifier,
    SlackListenerRegistry app,
    SlackEventDeduplicator deduplicator,
    SlackAccessGate gate,
    SlackMessageRenderer renderer,
    FollowUpQueue followUps,
    DurableFollowUps durable,
    ISlackInstallationStore installations,
    IWorkspaceLifecycle lifecycle,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    RejectionLog rejections,
    IServiceProvider services,
    ILogger<SlackRequestHandler> logger)
{
    private readonly SlackJsonContext _json = SlackJsonContext.Default;

    public Task HandleCommandAsync(HttpContext http) => HandleAsync(http, DispatchCommandAsync);

    public Task HandleInteractivityAsync(HttpContext http) => HandleAsync(http, DispatchInteractivityAsync);

    public Task HandleOptionsAsync(HttpContext http) => HandleAsync(http, DispatchOptionsAsync);

    public Task HandleEventsAsync(HttpContext http) => HandleAsync(http, DispatchEventAsync);

    private async Task HandleAsync(HttpContext http, Func<HttpContext, byte[], CancellationToken, Task<SlackAck>> dispatch)
    {
        var path = http.Request.Path.Value ?? "";
        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
        if (body is null)
        {
            if (rejections.ShouldLog("slack body too large " + path, out var count))
                Log.BodyTooLarge(logger, path, options.Value.MaxRequestBodyBytes, count);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = verifier.Verify(
            options.Value.SigningSecret!,
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        if (!signature.IsValid)
        {
            if (rejections.ShouldLog("slack signature " + signature.Status + " " + path, out var count))
                Log.SignatureRejected(logger, path, signature.Status.ToString(), count);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (logger.IsEnabled(LogLevel.Trace))
            Log.PayloadTrace(logger, path, Encoding.UTF8.GetString(body));

        SlackAck ack;
        using var budget = new CancellationTokenSource(SlackListenerContext.AckBudget, time);
        using var beforeAck = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, http.RequestAborted);
        try
        {
            ack = await dispatch(http, body, beforeAck.Token);
        }
        catch (SlackPayloadException e)
        {
            Log.BadPayload(logger, path, e.Message);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await AckAsync(http, ack);
    }

    private async Task<SlackAck> DispatchCommandAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
            return SlackAck.Empty();
        var command = SlashCommand.Parse(form);
        if (await CheckAccessAsync(http, SlackRequester.Of(command)) is var access and not SlackAccess.Allowed)
            return SlackAck.Message(SlackRefusals.Message(access) with { ReplaceOriginal = null }, renderer, new SlackListenerContext(command.TeamKey, beforeAck));
        var listener = app.FindCommand(command.Command);
        if (listener is null)
        {
            Log.Unhandled(logger, "command", command.Command);
            return SlackAck.Status(StatusCodes.Status404NotFound);
        }

        var context = SlackListenerContext.For(command, services, beforeAck);
        var reply = await RunListenerAsync("command", command.Command, () => listener(command, context, http.RequestAborted));
        if (!reply.Failed)
            return SlackAck.Message(reply.Value, renderer, context);
        return app.CreateErrorHandler() is { } errors ? SlackAck.Message(errors.CommandFailed(command, context), renderer, context) : Failed();
    }

    private async Task<SlackAck> DispatchInteractivityAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
            return SlackAck.Empty();
        var payload = InteractionPayload.ParseForm(form);
        var context = SlackListenerContext.For(payload, services, beforeAck);
        if (await CheckAccessAsync(http, SlackRequester.Of(payload)) is var access and not SlackAccess.Allowed)
            return Refuse(http, payload, access, context);
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
                            return Failed();
                        errors.ActionFailed(actions, context);
                        return SlackAck.Empty(context);
                    }
                }

                return SlackAck.Empty(context);

            case ViewSubmissionPayload submission:
            {
                var listener = app.FindViewSubmission(submission.View.CallbackId);
                if (listener is null)
                {
                    Log.Unhandled(logger, "view submission", submission.View.CallbackId);
                    return SlackAck.Status(StatusCodes.Status404NotFound);
                }

                var reply = await RunListenerAsync("view submission", submission.View.CallbackId, () => listener(submission, context, http.RequestAborted));
                if (!reply.Failed)
                    return SlackAck.Json(reply.Value, _json.ViewSubmissionResponse, context);
                return app.CreateErrorHandler() is { } errors
                    ? SlackAck.Json(errors.ViewSubmissionFailed(submission, context), _json.ViewSubmissionResponse, context)
                    : Failed();
            }

            case ViewClosedPayload closed:
            {
                var listener = app.FindViewClosed(closed.View.CallbackId);
                if (listener is null)
                {
                    Log.Unhandled(logger, "view closed", closed.View.CallbackId);
                    return SlackAck.Empty();
                }

                var result = await RunListenerAsync("view closed", closed.View.CallbackId, async () =>
                {
                    await listener(closed, context, http.RequestAborted);
                    return true;
                });
                return result.Failed ? Failed() : SlackAck.Empty(context);
            }

            case BlockSuggestionPayload suggestion:
                return await DispatchSuggestionAsync(http, suggestion, beforeAck);

            case MessageActionPayload shortcut when app.FindShortcut(shortcut.CallbackId) is { } listener:
            {
                var result = await RunListenerAsync("shortcut", shortcut.CallbackId, async () =>
                {
                    await listener(shortcut, context, http.RequestAborted);
                    return true;
                });
                return result.Failed ? Failed() : SlackAck.Empty(context);
            }

            default:
                Log.Unhandled(logger, "interaction", payload.Type);
                return SlackAck.Empty();
        }
    }

    private async Task<SlackAck> DispatchOptionsAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
            return SlackAck.Empty();
        if (InteractionPayload.ParseForm(form) is not BlockSuggestionPayload suggestion)
            throw new SlackPayloadException("the options endpoint expects a block_suggestion payload");
        if (await CheckAccessAsync(http, SlackRequester.Of(suggestion)) is not SlackAccess.Allowed)
            return SlackAck.Json(OptionsResponse.Empty, _json.OptionsResponse, null);
        return await DispatchSuggestionAsync(http, suggestion, beforeAck);
    }

    private async Task<SlackAck> DispatchSuggestionAsync(HttpContext http, BlockSuggestionPayload suggestion, CancellationToken beforeAck)
    {
        var listener = app.FindOptions(suggestion.ActionId);
        if (listener is null)
        {
            Log.Unhandled(logger, "options", suggestion.ActionId);
            return SlackAck.Json(OptionsResponse.Empty, _json.OptionsResponse, null);
        }

        var context = SlackListenerContext.For(suggestion, services, beforeAck);
        var reply = await RunListenerAsync("options", suggestion.ActionId, () => listener(suggestion, context, http.RequestAborted));
        // A failed search offers nothing, as an unknown one does: Slack shows "no results", not an error.
        return SlackAck.Json(reply.Failed ? OptionsResponse.Empty : reply.Value, _json.OptionsResponse, context);
    }

    /// <summary>The one place a listener's failure is caught and logged; the registry's error handler then answers.</summary>
    private async Task<(bool Failed, T? Value)> RunListenerAsync<T>(string kind, string id, Func<Task<T>> run)
    {
        try
        {
            return (false, await run());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ListenerFailed(logger, e, kind, id);
            return (true, default);
        }
    }

    private static SlackAck Failed() => SlackAck.Status(StatusCodes.Status500InternalServerError);

    private static bool IsSslCheck(string form) =>
        form.Contains("ssl_check=", StringComparison.Ordinal) && QueryHelpers.ParseQuery(form).TryGetValue("ssl_check", out var v) && v == "1";

    /// <summary>The whole body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, max, cancellationToken);
        return body?.WrittenSpan.ToArray();
    }
}
