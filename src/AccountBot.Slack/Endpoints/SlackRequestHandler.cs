using System.Text;
using AccountBot.Adapters.Buffers;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Logging;
using AccountBot.Core.Workspaces;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
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

        // One handler for the host's lifetime (a singleton), found once here rather than in a scope made per request.
        var handler = endpoints.ServiceProvider.GetRequiredService<SlackRequestHandler>();
        var slack = endpoints.MapGroup("").WithTags("Slack");
        slack.MapPost(Commands, (HttpContext http) => handler.HandleAsync(http, Commands));
        slack.MapPost(Interactivity, (HttpContext http) => handler.HandleAsync(http, Interactivity));
        slack.MapPost(Events, (HttpContext http) => handler.HandleAsync(http, Events));
        slack.MapPost(Options, (HttpContext http) => handler.HandleAsync(http, Options));
        if (settings.OAuthEnabled)
        {
            slack.MapGet(Install, (HttpContext http, SlackOAuthHandler oauth) => oauth.Install(http));
            slack.MapGet(OAuthCallback, (HttpContext http, SlackOAuthHandler oauth) => oauth.CallbackAsync(http));
        }

        return true;
    }

    /// <param name="route">The endpoint's path (<see cref="Commands"/>, <see cref="Events"/>…), naming its dispatcher.</param>
    private async Task HandleAsync(HttpContext http, string route)
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
            await DispatchAsync(http, route, body, beforeAck.Token);
        }
        catch (SlackPayloadException e)
        {
            Log.BadPayload(logger, path, e.Message);
            Status(http, StatusCodes.Status400BadRequest);
        }
    }

    private async Task DispatchCommandAsync(HttpContext http, string form, CancellationToken beforeAck)
    {
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
            await StatusAsync(http, StatusCodes.Status404NotFound);
            return;
        }

        var context = SlackListenerContext.For(command, services, beforeAck);
        var reply = await RunListenerAsync("command", command.Command, () => listener(command, context, http.RequestAborted));
        if (!reply.Failed)
            await AckAsync(http, reply.Value, context);
        else if (app.CreateErrorHandler() is { } errors)
            await AckAsync(http, errors.CommandFailed(command, context), context);
        else
            await FailedAsync(http);
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

    private static Task FailedAsync(HttpContext http) => StatusAsync(http, StatusCodes.Status500InternalServerError);

    /// <summary>
    /// The route's dispatcher. The form-encoded endpoints (commands, interactivity, options) ack Slack's <c>ssl_check</c>
    /// empty, unparsed.
    /// </summary>
    private Task DispatchAsync(HttpContext http, string route, byte[] body, CancellationToken beforeAck)
    {
        if (route == Events)
            return DispatchEventAsync(http, body, beforeAck);
        var form = Encoding.UTF8.GetString(body);
        if (IsSslCheck(form))
            return AckAsync(http, null);
        return route switch
        {
            Commands => DispatchCommandAsync(http, form, beforeAck),
            Interactivity => DispatchInteractivityAsync(http, form, beforeAck),
            _ => DispatchOptionsAsync(http, form, beforeAck),
        };
    }

    private static bool IsSslCheck(string form) =>
        form.Contains("ssl_check=", StringComparison.Ordinal) && QueryHelpers.ParseQuery(form).TryGetValue("ssl_check", out var v) && v == "1";

    /// <summary>The whole body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var body = await PooledBuffer.ReadAsync(request.Body, request.ContentLength, max, cancellationToken);
        return body?.WrittenSpan.ToArray();
    }
}
