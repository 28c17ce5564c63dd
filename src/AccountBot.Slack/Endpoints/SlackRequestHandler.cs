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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Endpoints;

/// <summary>
/// Slack's HTTP endpoints (request URLs to enter in the Slack app's settings), mapped to this handler as bolt's
/// receiver maps its own (<see cref="Map"/>), and what every one does: read the raw body (bounded), verify the signature
/// (401, nothing else happens), parse once, route to the listener, write its ack, and only then queue the follow-up work.
/// </summary>
public sealed partial class SlackRequestHandler(
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
    public const string Commands = "/slack/commands";
    public const string Interactivity = "/slack/interactivity";
    public const string Events = "/slack/events";
    public const string Options = "/slack/options";
    public const string Install = "/slack/install";
    public const string OAuthCallback = "/slack/oauth/callback";

    private readonly SlackJsonContext _json = SlackJsonContext.Default;

    /// <summary>
    /// Maps the endpoints when <c>Slack:SigningSecret</c> is set, and the install endpoints (<see cref="SlackOAuthHandler"/>)
    /// when <c>Slack:ClientId</c> is too. Returns false when nothing was mapped, so the host can log
    /// "Slack endpoints disabled: Slack:SigningSecret is not set".
    /// </summary>
    internal static bool Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!settings.EndpointsEnabled)
            return false;

        var slack = endpoints.MapGroup("").WithTags("Slack");
        slack.MapPost(Commands, (HttpContext http) => Of(http).HandleCommandAsync(http));
        slack.MapPost(Interactivity, (HttpContext http) => Of(http).HandleInteractivityAsync(http));
        slack.MapPost(Events, (HttpContext http) => Of(http).HandleEventsAsync(http));
        slack.MapPost(Options, (HttpContext http) => Of(http).HandleOptionsAsync(http));
        if (settings.OAuthEnabled)
        {
            slack.MapGet(Install, (HttpContext http, SlackOAuthHandler oauth) => oauth.Install(http));
            slack.MapGet(OAuthCallback, (HttpContext http, SlackOAuthHandler oauth) => oauth.CallbackAsync(http));
        }

        return true;
    }

    private static SlackRequestHandler Of(HttpContext http) => http.RequestServices.GetRequiredService<SlackRequestHandler>();

    private Task HandleCommandAsync(HttpContext http) => HandleAsync(http, DispatchCommandAsync);

    private Task HandleInteractivityAsync(HttpContext http) => HandleAsync(http, DispatchInteractivityAsync);

    private Task HandleOptionsAsync(HttpContext http) => HandleAsync(http, DispatchOptionsAsync);

    private Task HandleEventsAsync(HttpContext http) => HandleAsync(http, DispatchEventAsync);

    private async Task HandleAsync(HttpContext http, Func<HttpContext, byte[], CancellationToken, Task> dispatch)
    {
        var path = http.Request.Path.Value ?? "";
        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
        if (body is null)
        {
            if (rejections.ShouldLog("slack body too large " + path, out var count))
                Log.BodyTooLarge(logger, path, options.Value.MaxRequestBodyBytes, count);
            Status(http, StatusCodes.Status413PayloadTooLarge);
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
            Status(http, StatusCodes.Status401Unauthorized);
            return;
        }

        if (logger.IsEnabled(LogLevel.Trace))
            Log.PayloadTrace(logger, path, Encoding.UTF8.GetString(body));

        using var budget = new CancellationTokenSource(SlackListenerContext.AckBudget, time);
        using var beforeAck = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, http.RequestAborted);
        try
        {
            // Parses, runs the listener and writes its ack; a payload that cannot be read is refused before anything is written.
            await dispatch(http, body, beforeAck.Token);
        }
        catch (SlackPayloadException e)
        {
            Log.BadPayload(logger, path, e.Message);
            Status(http, StatusCodes.Status400BadRequest);
        }
    }

    private async Task DispatchCommandAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
        {
            await AckAsync(http, null);
            return;
        }

        var command = SlashCommand.Parse(form);
        if (await CheckAccessAsync(http, SlackRequester.Of(command)) is var access and not SlackAccess.Allowed)
        {
            await AckAsync(http, SlackRefusals.Message(access) with { ReplaceOriginal = null }, new SlackListenerContext(command.TeamKey, beforeAck));
            return;
        }

        var listener = app.FindCommand(command.Command);
        if (listener is null)
        {
            Log.Unhandled(logger, "command", command.Command);
            Status(http, StatusCodes.Status404NotFound);
            return;
        }

        var context = SlackListenerContext.For(command, services, beforeAck);
        var reply = await RunListenerAsync("command", command.Command, () => listener(command, context, http.RequestAborted));
        if (!reply.Failed)
            await AckAsync(http, reply.Value, context);
        else if (app.CreateErrorHandler() is { } errors)
            await AckAsync(http, errors.CommandFailed(command, context), context);
        else
            Failed(http);
    }

    private async Task DispatchInteractivityAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
        {
            await AckAsync(http, null);
            return;
        }

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
                            Failed(http);
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
                    Status(http, StatusCodes.Status404NotFound);
                    return;
                }

                var reply = await RunListenerAsync("view submission", submission.View.CallbackId, () => listener(submission, context, http.RequestAborted));
                if (!reply.Failed)
                    await AckAsync(http, reply.Value, _json.ViewSubmissionResponse, context);
                else if (app.CreateErrorHandler() is { } errors)
                    await AckAsync(http, errors.ViewSubmissionFailed(submission, context), _json.ViewSubmissionResponse, context);
                else
                    Failed(http);
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

    private async Task DispatchOptionsAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
        {
            await AckAsync(http, null);
            return;
        }

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
            Failed(http);
        else
            await AckAsync(http, context);
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

    private static void Failed(HttpContext http) => Status(http, StatusCodes.Status500InternalServerError);

    private static bool IsSslCheck(string form) =>
        form.Contains("ssl_check=", StringComparison.Ordinal) && QueryHelpers.ParseQuery(form).TryGetValue("ssl_check", out var v) && v == "1";

    /// <summary>The whole body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, max, cancellationToken);
        return body?.WrittenSpan.ToArray();
    }
}
