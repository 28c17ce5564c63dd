using System.Globalization;
using System.Text;
using System.Text.Json;
using AccountBot.Adapters.Buffers;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Logging;
using AccountBot.Teams.Access;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Routing;

/// <summary>
/// What <c>POST /api/messages</c> does (mapped by <see cref="TeamsEndpoints.MapTeamsEndpoints"/>, as Slack's endpoints
/// are by their request handler): bounded read (413), parse (400 without details), authenticate (401 without details),
/// Teams only (403 for any other channel), the access gate, then <see cref="TeamsActivityRouter"/>; the replies a turn
/// promised after the ack are stored before it and sent once the channel has its 200. One for the host's lifetime, so
/// nothing it needs is looked up per request.
/// </summary>
/// <param name="services">The host's services: a turn finds its <see cref="Connector.ConnectorClient"/> there when it calls the Bot Connector.</param>
public sealed class TeamsRequestHandler(
    BotAuthenticator authenticator,
    TeamsAccessGate gate,
    TeamsActivityRouter router,
    FollowUpQueue followUps,
    DurableFollowUps durable,
    TeamsReplySender replies,
    IHostApplicationLifetime lifetime,
    IOptions<TeamsOptions> options,
    RejectionLog rejections,
    IServiceProvider services,
    ILogger<TeamsRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (result, turn) = await RespondAsync(context);
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

    private async Task<(IResult Result, TeamsTurn? Turn)> RespondAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var limit = options.Value.MaxRequestBodyBytes;
        Activity? activity;
        using (var body = await PooledBuffer.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, cancellationToken))
        {
            if (body is null)
                return (Refuse(StatusCodes.Status413PayloadTooLarge, "body too large"), null);
            activity = TryParse(body.WrittenSpan);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return (Refuse(StatusCodes.Status400BadRequest, "not an activity", "Invalid activity."), null);

        var authentication = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!authentication.IsAllowed)
            return (Refuse(StatusCodes.Status401Unauthorized, authentication.RejectionReason ?? "unauthenticated"), null);

        // A valid token only says the Bot Connector sent it: its keys also sign webchat and directline, whose
        // clients choose channelData (the tenant) freely. Only Teams may act for a tenant (botbuilder reads Teams
        // data only when channelId is msteams).
        if (!string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal))
            return (Refuse(StatusCodes.Status403Forbidden, "channel is not msteams"), null);

        // Only from here on is the activity's serviceUrl trusted (and visible to handlers).
        var turn = new TeamsTurn(activity, authentication.IsAuthenticated, authentication.Identity, services);
        InvokeResponse? response;
        try
        {
            response = await gate.CheckAsync(turn, cancellationToken) is { } refusal
                ? Decline(turn, refusal)
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
    private static InvokeResponse? Decline(TeamsTurn turn, AccessRefusal refusal)
    {
        var activity = turn.Activity;
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            return InvokeResponse.Refusal(activity.Name, refusal.Notice);
        if (string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) && activity.Conversation?.Id is { Length: > 0 } && activity.ServiceUrl is { Length: > 0 })
            turn.NoticeAfterAck(refusal.Notice);
        return null;
    }

    /// <summary>Logs a refusal at most once a second per status and reason (with the count), then answers.</summary>
    private IResult Refuse(int statusCode, string reason, string? message = null)
    {
        if (rejections.ShouldLog(string.Create(CultureInfo.InvariantCulture, $"teams {statusCode} {reason}"), out var count))
            Log.RequestRefused(logger, statusCode, reason, count);
        return message is null ? Results.StatusCode(statusCode) : Results.Text(message, "text/plain", Encoding.UTF8, statusCode);
    }

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
