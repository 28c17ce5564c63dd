using AccountBot.Adapters.Conversations;
using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Sends a nudge as a proactive 1:1 message in the recipient's tenant: <c>POST /v3/conversations</c> with the user as the
/// one member (Teams answers the existing personal chat), then the card into it. It needs the user's Teams account id,
/// tenant and serviceUrl, which the bot records when that person writes to it (<see cref="Routing.TeamsTurn.SenderAddressAt"/>);
/// a person who never did has no address and their nudge is given up at once (one operator line), never retried.
/// Errors map as the digest's do (<see cref="TeamsDigestSender.Map"/>): 403/404 permanent (the app is not installed for
/// the user), 429 a throttle, 5xx a retry, a timeout unknown (the outbox sends it again).
/// </summary>
public sealed class TeamsNudgeSender(ConnectorClient connector, IConversationStore conversations, ILogger<TeamsNudgeSender> logger) : INudgeSender
{
    /// <summary>The operator's reason for a skipped nudge (the log line, the outbox entry and <c>reminders preview</c>).</summary>
    public const string NoAddress = "no Teams address is known for this person (they have not written to the bot yet), so the nudge is skipped";

    public Platform Platform => Platform.Teams;

    public async Task<string?> UnreachableAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return await AddressOfAsync(nudge, cancellationToken) is null ? NoAddress : null;
    }

    public async Task<DeliveryResult> SendAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var address = await AddressOfAsync(nudge, cancellationToken);
        if (address is null)
        {
            Log.NudgeSkipped(logger, nudge.Key.Value, nudge.Recipient.Id, NoAddress);
            return DeliveryResult.Permanent(NoAddress);
        }

        var result = await DeliverAsync(nudge, address, cancellationToken);
        if (result.Status == DeliveryStatus.Delivered)
            Log.NudgeDelivered(logger, nudge.Key.Value, nudge.Recipient.Id);
        else
            Log.NudgeFailed(logger, nudge.Key.Value, nudge.Recipient.Id, result.Status.ToString(), result.Detail ?? string.Empty);
        return result;
    }

    private async Task<ConversationAddress?> AddressOfAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        var address = await conversations.GetAsync(nudge.Workspace, ConversationAddress.UserChannelId(nudge.Recipient.Id), cancellationToken);
        return address is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 } ? address : null;
    }

    private async Task<DeliveryResult> DeliverAsync(PlannedNudge nudge, ConversationAddress address, CancellationToken cancellationToken)
    {
        var tenant = address.TenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = address.TenantId } };
        var bot = address.BotId is null ? null : new ChannelAccount { Id = address.BotId, Name = address.BotName };
        var user = new ChannelAccount { Id = address.ConversationId, Name = nudge.Recipient.Name };
        try
        {
            var created = await connector.CreateConversationAsync(address.ServiceUrl!, new ConversationParameters
            {
                IsGroup = false,
                Bot = bot,
                Members = [new ChannelAccount { Id = address.ConversationId }],
                TenantId = address.TenantId,
                ChannelData = tenant,
            }, cancellationToken);
            if (created.Id is not { Length: > 0 } conversationId)
                return DeliveryResult.RetryLater("The Bot Connector answered without a conversation id.");

            var message = NudgeCardRenderer.RenderMessage(nudge.Nudge) with
            {
                From = bot,
                Recipient = user,
                ChannelId = Channels.MsTeams,
                Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = address.TenantId },
                ChannelData = tenant,
            };
            var sent = await connector.SendToConversationAsync(address.ServiceUrl!, conversationId, message, cancellationToken);
            return DeliveryResult.Delivered(sent.Id);
        }
        catch (ConversationBlockedException)
        {
            return DeliveryResult.Permanent("Teams blocks the bot in this person's chat (it was removed or blocked).");
        }
        catch (ConnectorException ex)
        {
            return TeamsDigestSender.Map(ex);
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
            return DeliveryResult.Unknown("The Bot Connector did not answer in time; it may have posted the nudge.");
        }
    }
}
