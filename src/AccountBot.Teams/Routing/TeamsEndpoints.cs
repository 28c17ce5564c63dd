using System.Globalization;
using System.Text;
using System.Text.Json;
using AccountBot.Adapters.Buffers;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Logging;
using AccountBot.Teams.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Routing;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static class TeamsEndpoints
{
    public const string DefaultPattern = "/api/messages";

    /// <summary>
    /// <c>POST /api/messages</c>: bounded read (413), parse (400 without details), authenticate (401
    /// without details), Teams only (403 for any other channel), then <see cref="TeamsActivityRouter"/>. Register handlers with
    /// <paramref name="configureRouter"/> or on the <see cref="TeamsActivityRouter"/> singleton.
    /// </summary>
    public static RouteHandlerBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints, Action<TeamsActivityRouter>? configureRouter = null, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        configureRouter?.Invoke(endpoints.ServiceProvider.GetRequiredService<TeamsActivityRouter>());
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();
    }

    private static async Task HandleAsync(
        HttpContext context,
        [FromServices] BotAuthenticator authenticator,
        [FromServices] TeamsAccessGate gate,
        [FromServices] TeamsActivityRouter router,
        [FromServices] ConnectorClient connector,
        [FromServices] FollowUpQueue followUps,
        [FromServices] DurableFollowUps durable,
        [FromServices] TeamsReplySender replies,
        [FromServices] IHostApplicationLifetime lifetime,
        [FromServices] IOptions<TeamsOptions> options,
        [FromServices] RejectionLog rejections,
        [FromServices] ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(TeamsEndpoints).FullName!);
        var (result, turn) = await RespondAsync(context, authenticator, gate, router, connector, options.Value, new Refusals(logger, rejections));
        if (turn is not { AfterAckReplies.Count: > 0 })
        {
            await result.ExecuteAsync(context);
            return;
        }

        // Stored before the ack: once the channel has its 200, the promised replies are on disk and survive a crash.
        // Not cancelled by the caller hanging up: the request's own work (the change) is done by now. The answer to a
        // question (a read-only turn) is only queued: it can be asked for again.
        var stored = turn.IsReadOnly ? null : await durable.StoreAsync([.. turn.AfterAckReplies.Select(TeamsReplySender.Step)], lifetime.ApplicationStopping);

        // The channel has its answer before any reply goes out (answer first, slow work after).
        using var hold = followUps.Hold();
        await result.ExecuteAsync(context);
        await context.Response.CompleteAsync();
        if (stored is not null)
            await durable.EnqueueAsync(stored, lifetime.ApplicationStopping);
        else
            await followUps.EnqueueAsync(replies.InOrder(turn.AfterAckReplies), lifetime.ApplicationStopping);
    }

    private static async Task<(IResult Result, TeamsTurn? Turn)> RespondAsync(
        HttpContext context, BotAuthenticator authenticator, TeamsAccessGate gate, TeamsActivityRouter router, ConnectorClient connector, TeamsOptions options, Refusals refusals)
    {
        var logger = refusals.Logger;
        var cancellationToken = context.RequestAborted;
        Activity? activity;
        using (var body = await PooledBuffer.ReadAsync(context.Request.Body, context.Request.ContentLength, options.MaxRequestBodyBytes, cancellationToken))
        {
            if (body is null)
                return (Refuse(refusals, StatusCodes.Status413PayloadTooLarge, "body too large"), null);
            activity = TryParse(body.WrittenSpan);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return (Refuse(refusals, StatusCodes.Status400BadRequest, "not an activity", "Invalid activity."), null);

        var authentication = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!authentication.IsAllowed)
            return (Refuse(refusals, StatusCodes.Status401Unauthorized, authentication.RejectionReason ?? "unauthenticated"), null);

        // A valid token only says the Bot Connector sent it: its keys also sign webchat and directline, whose
        // clients choose channelData (the tenant) freely. Only Teams may act for a tenant (botbuilder reads Teams
        // data only when channelId is msteams).
        if (!string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal))
            return (Refuse(refusals, StatusCodes.Status403Forbidden, "channel is not msteams"), null);

        // Only from here on is the activity's serviceUrl trusted (and visible to handlers).
        var turn = new TeamsTurn(activity, authentication.IsAuthenticated, authentication.Identity, connector, context.RequestServices);
        InvokeResponse? response;
        try
        {
            response = await gate.CheckAsync(turn, cancellationToken) is { } refusal
                ? Decline(turn, gate, refusal)
                : await router.DispatchAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HandlerFailed(logger, ex, activity.Type, activity.Name);
            return (Results.StatusCode(StatusCodes.Status500InternalServerError), null);
        }

        Log.Dispatched(logger, activity.Type, activity.Name, response?.Status ?? StatusCodes.Status200OK);
        if (response is null)
            return (Results.Ok(), turn);
        return (response.Body is { } json
            ? Results.Text(json.GetRawText(), "application/json", Encoding.UTF8, response.Status)
            : Results.StatusCode(response.Status), turn);
    }

    /// <summary>
    /// A declined request gets its one line where the person will see it: as the answer of an invoke (a card
    /// action, or a message action's dialog), or as a reply to a message after the ack. Other activities (install, members added) get a bare 200.
    /// </summary>
    private static InvokeResponse? Decline(TeamsTurn turn, TeamsAccessGate gate, AccessRefusal refusal)
    {
        var activity = turn.Activity;
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            return InvokeResponse.Refusal(activity.Name, refusal.Notice);
        if (string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) && activity.Conversation?.Id is { Length: > 0 } && activity.ServiceUrl is { Length: > 0 })
            turn.NoticeAfterAck(refusal.Notice);
        return null;
    }

    /// <summary>Logs a refusal at most once a second per status and reason (with the count), then answers.</summary>
    private static IResult Refuse(Refusals refusals, int statusCode, string reason, string? message = null)
    {
        if (refusals.Rejections.ShouldLog(string.Create(CultureInfo.InvariantCulture, $"teams {statusCode} {reason}"), out var count))
            Log.RequestRefused(refusals.Logger, statusCode, reason, count);
        return message is null ? Results.StatusCode(statusCode) : Results.Text(message, "text/plain", Encoding.UTF8, statusCode);
    }

    private sealed record Refusals(ILogger Logger, RejectionLog Rejections);

    /// <summary>The activity, or null when the body is not JSON of one (the JsonElements inside are copies: the body's buffer can go back).</summary>
    private static Activity? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, TeamsJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
