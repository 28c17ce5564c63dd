using System.Net;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Posts the weekly digest card proactively to a stored Teams address: a new thread in a channel,
/// or a message in a personal/group chat. The connector already retried throttling; what is left is
/// mapped to Delivered / RetryLater (429 as a throttle, 5xx) / PermanentFailure (bot removed, 403, 404, a shared channel) /
/// Unknown (a timeout or a connection broken mid-call: the connector may have posted it).
/// </summary>
/// <remarks>
/// Teams registers no <see cref="IDigestDeliveryCheck"/>: the Bot Connector cannot list a channel's messages, so
/// an attempt whose outcome is unknown is sent again by the outbox. That can post a digest twice only when the
/// connector accepted it and the answer was lost; never sending it again would lose a week's digest instead.
/// </remarks>
public sealed class TeamsDigestSender(
    ConnectorClient connector, TeamsCardRenderer renderer, IConversationStore conversations, ILogger<TeamsDigestSender> logger) : IDigestSender
{
    public Platform Platform => Platform.Teams;

    public async Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        // Teams posts through the connector that served the channel: the address the bot stored when it was added there.
        var address = await conversations.GetAsync(digest.Workspace, digest.ChannelId, cancellationToken);
        var result = await DeliverAsync(digest, address, cancellationToken);
        if (result.Status == DeliveryStatus.Delivered)
            Log.DigestDelivered(logger, digest.Key.ToString(), digest.ChannelId);
        else
            Log.DigestFailed(logger, digest.Key.ToString(), digest.ChannelId, result.Status.ToString(), result.Detail ?? string.Empty);
        return result;
    }

    private async Task<DeliveryResult> DeliverAsync(PlannedDigest digest, ConversationAddress? address, CancellationToken cancellationToken)
    {
        if (address?.ServiceUrl is not { Length: > 0 } serviceUrl)
            return DeliveryResult.Permanent("No Teams conversation address is stored for this channel: add the bot to the channel (or mention it there) so it can post.");

        // A shared channel can hold people of other organisations: a digest lists every account's stakeholders.
        if (string.Equals(address.ConversationType, ConversationTypes.SharedChannel, StringComparison.OrdinalIgnoreCase))
            return DeliveryResult.Permanent(AccessNotices.SharedChannelSettings);

        var bot = address.BotId is null ? null : new ChannelAccount { Id = address.BotId, Name = address.BotName };
        var message = renderer.RenderMessage(digest.Digest) with { From = bot, ChannelId = Channels.MsTeams };
        try
        {
            if (string.Equals(address.ConversationType, ConversationTypes.Channel, StringComparison.OrdinalIgnoreCase))
            {
                var thread = await connector.CreateChannelThreadAsync(serviceUrl, ConversationKey.Of(address.ConversationId), address.TenantId, message, cancellationToken);
                return DeliveryResult.Delivered(thread.ActivityId ?? thread.Id);
            }

            var sent = await connector.SendToConversationAsync(
                serviceUrl,
                address.ConversationId,
                message with { Conversation = new ConversationAccount { Id = address.ConversationId, TenantId = address.TenantId } },
                cancellationToken);
            return DeliveryResult.Delivered(sent.Id);
        }
        catch (ConversationBlockedException)
        {
            return DeliveryResult.Permanent("Teams blocks the bot in this conversation (it was removed or blocked).");
        }
        catch (ConnectorException ex)
        {
            return Map(ex);
        }
        catch (MessageTooLargeException ex)
        {
            return DeliveryResult.Permanent(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Unreachable(ex, "the Bot Connector");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Unknown("The Bot Connector did not answer in time; it may have posted the digest.");
        }
    }

    /// <summary>How a connector error (after its retries) maps onto the reminder outbox's outcomes.</summary>
    public static DeliveryResult Map(ConnectorException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = (int)exception.StatusCode;
        var detail = $"Teams answered {code} {exception.ErrorCode}".TrimEnd();
        return exception.StatusCode switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone => DeliveryResult.Permanent(detail + " (bot removed or conversation gone)"),
            // Still throttled after the connector's own retries (Teams:ConnectorRetry): the outbox waits what Teams last asked.
            HttpStatusCode.TooManyRequests => DeliveryResult.Throttle(detail, exception.RetryAfter),
            HttpStatusCode.RequestTimeout => DeliveryResult.RetryLater(detail),
            HttpStatusCode.Unauthorized => DeliveryResult.RetryLater(detail + " (token refused; check the app credentials)"),
            _ when code >= 500 => DeliveryResult.RetryLater(detail),
            _ => DeliveryResult.Permanent(detail),
        };
    }
}
