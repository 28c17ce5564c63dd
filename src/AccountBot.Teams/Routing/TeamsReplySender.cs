using System.Text.Json;
using AccountBot.Adapters.FollowUps;
using AccountBot.Adapters.Http;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Routing;

/// <summary>
/// Sends a <see cref="TeamsStoredReply"/> (the follow-up kind <see cref="Kind"/>) through the Bot Connector, with a
/// token obtained as for any reply. Kept in the follow-up outbox before the ack, so a crash does not lose it.
/// Throttling or a connector outage that outlasts the HTTP client's retries is retried later (nothing was sent);
/// any other failure is logged (the change the message reports is already stored).
/// </summary>
/// <param name="services">The host's services, where each reply's turn finds its <see cref="ConnectorClient"/> when it sends.</param>
public sealed partial class TeamsReplySender(IServiceProvider services, ILogger<TeamsReplySender> logger) : IFollowUpSender
{
    public const string Kind = "teams.reply";

    /// <summary>The stored step for <paramref name="reply"/>: its inbound activity cut to the reference (no text or values).</summary>
    public static FollowUpStep Step(TeamsStoredReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var stored = reply with { Inbound = TeamsStoredReply.ReferenceOf(reply.Inbound) };
        return new(Kind, JsonSerializer.Serialize(stored, TeamsJsonContext.Default.TeamsStoredReply));
    }

    public Task SendAsync(string payload, CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.Deserialize(payload, TeamsJsonContext.Default.TeamsStoredReply) ?? throw new JsonException("A stored Teams reply is null."), cancellationToken);

    /// <summary>
    /// Follow-up work that sends <paramref name="replies"/> in order, kept in memory only (a read-only turn's answers):
    /// as they are, without a JSON round trip, so a map card drawn once is sent from the renderer's cache. A throttled
    /// reply is retried on its own; those before it are not sent again.
    /// </summary>
    public Func<CancellationToken, Task> InOrder(IReadOnlyList<TeamsStoredReply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var next = 0;
        return async ct =>
        {
            for (; next < replies.Count; next++)
                await SendAsync(replies[next], ct);
        };
    }

    private async Task SendAsync(TeamsStoredReply reply, CancellationToken cancellationToken)
    {
        // The reference was trusted when it was stored (a turn exists only for an authenticated request).
        var turn = new TeamsTurn(reply.Inbound, isAuthenticated: true, identity: null, services);
        try
        {
            await SendAsync(turn, reply, cancellationToken);
        }
        catch (Exception ex) when (IsWorthRetrying(ex, cancellationToken))
        {
            throw new FollowUpRetryException((ex as ConnectorException)?.RetryAfter, "The Bot Connector is throttling or unavailable.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReplyFailed(logger, ex, reply.Operation);
        }
    }

    private async Task SendAsync(TeamsTurn turn, TeamsStoredReply reply, CancellationToken cancellationToken)
    {
        switch (reply.Operation)
        {
            case TeamsStoredReply.Reply:
                await turn.ReplyAsync(reply.Outbound, cancellationToken);
                break;
            case TeamsStoredReply.Send:
                await turn.SendAsync(reply.Outbound, cancellationToken);
                break;
            case TeamsStoredReply.Personal:
                await turn.SendPersonalAsync(reply.Outbound, cancellationToken);
                break;
            case TeamsStoredReply.Notice:
                try
                {
                    await turn.ReplyWithoutRecordingAsync(reply.Outbound, cancellationToken);
                }
                catch (Exception ex) when (ex is ConnectorException or ConversationBlockedException or HttpRequestException)
                {
                    // A declined request's notice is not retried: nothing was stored for it, and it is only a courtesy.
                    Log.NoticeNotDelivered(logger, ex);
                }

                break;
            case TeamsStoredReply.Update when reply.CardId is { Length: > 0 } cardId:
                try
                {
                    await turn.UpdateAsync(cardId, reply.Outbound, cancellationToken);
                    return;
                }
                catch (ConnectorException ex) when (!IsWorthRetrying(ex, cancellationToken))
                {
                    // The card may be too old to edit, or gone: the answer must still reach the user.
                    Log.UpdateFailed(logger, ex, cardId);
                }

                // Not threaded under the submit (its id is not a message people see); the conversation id keeps channel threads.
                await turn.SendAsync(reply.Outbound, cancellationToken);
                break;
            default:
                throw new JsonException($"A stored Teams reply has an unknown operation '{reply.Operation}'.");
        }
    }

    private static bool IsWorthRetrying(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ConnectorException e => ApiRetryPolicy.IsTransient(e.StatusCode) || (int)e.StatusCode >= 500,
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested, // the HttpClient's own timeout
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1650, Level = LogLevel.Warning, Message = "Could not deliver a Teams {Operation} promised after the ack")]
        public static partial void ReplyFailed(ILogger logger, Exception exception, string operation);

        [LoggerMessage(EventId = 1651, Level = LogLevel.Warning, Message = "Could not update card {ActivityId} in place; sending the answer as a new message")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, string activityId);

        [LoggerMessage(EventId = 1652, Level = LogLevel.Information, Message = "Could not deliver the notice of a declined Teams request")]
        public static partial void NoticeNotDelivered(ILogger logger, Exception exception);
    }
}
