using System.Security.Claims;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Routing;

/// <summary>
/// One inbound activity being handled: what came in, whether its token was verified, and ways to
/// answer through the Bot Connector. A turn exists only for a request that passed authentication
/// (or the development bypass), so its serviceUrl and <see cref="GetConversationReference"/> can be
/// trusted and stored.
/// </summary>
public sealed partial class TeamsTurn
{
    private readonly List<TeamsStoredReply> _afterAck = [];

    private readonly IServiceProvider _services;
    private ConnectorClient? _connector;

    /// <param name="services">Where <see cref="Connector"/> is found when the turn first calls the Bot Connector (most
    /// turns only answer after the ack, so most never do).</param>
    public TeamsTurn(Activity activity, bool isAuthenticated, ClaimsIdentity? identity, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(services);
        Activity = activity;
        IsAuthenticated = isAuthenticated;
        Identity = identity;
        _services = services;
    }

    public Activity Activity { get; }

    /// <summary>False only under the development bypass.</summary>
    public bool IsAuthenticated { get; }

    /// <summary>The validated token's claims, when authenticated.</summary>
    public ClaimsIdentity? Identity { get; }

    public ConnectorClient Connector => _connector ??= _services.GetRequiredService<ConnectorClient>();

    /// <summary>Replies and card updates promised with the <c>…AfterAck</c> methods, in order; stored before the ack unless <see cref="IsReadOnly"/>.</summary>
    public IReadOnlyList<TeamsStoredReply> AfterAckReplies => _afterAck;

    /// <summary>
    /// The turn changed nothing (a question: a map, help, the list; see <see cref="Core.Commands.BotCommand.IsReadOnly"/>):
    /// its <see cref="AfterAckReplies"/> are queued in memory only, as they are. A crash between the ack and the answer
    /// loses the answer, and the person asks again; nothing they did is lost. Storing it cost every question a database
    /// write and delete of the whole card, and a JSON round trip of it that lost the renderer's cached drawing
    /// (teams-load: 1,200–1,400 µs of CPU per question instead of 240).
    /// </summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>Says the turn changed nothing (see <see cref="IsReadOnly"/>); call before replying.</summary>
    public void MarkReadOnly() => IsReadOnly = true;

    /// <summary>Store this to send proactively later (<see cref="ConnectorClient.SendProactiveAsync"/>).</summary>
    public ConversationReference GetConversationReference() => Activity.GetConversationReference();

    /// <summary>Replies in the conversation (threaded under the inbound activity); returns the new message's id.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (serviceUrl, conversationId) = Address();
        var addressed = Address(reply) with { ReplyToId = reply.ReplyToId ?? Activity.Id };
        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(serviceUrl, conversationId, addressed, cancellationToken)
            : Connector.ReplyToActivityAsync(serviceUrl, conversationId, Activity.Id, addressed, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ReplyAsync(Protocol.Activity, CancellationToken)"/> for a request the bot declines: a 403
    /// MessageWritesBlocked is not recorded, so nothing is stored for the conversation.
    /// </summary>
    public Task<ResourceResponse> ReplyWithoutRecordingAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (serviceUrl, conversationId) = Address();
        var addressed = Address(reply) with { ReplyToId = reply.ReplyToId ?? Activity.Id };
        return Connector.SendNoticeAsync(serviceUrl, conversationId, Activity.Id, addressed, cancellationToken);
    }

    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Protocol.Activity.CreateMessage(text), cancellationToken);

    /// <summary>Posts into the conversation without threading under the inbound activity.</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Address();
        return Connector.SendToConversationAsync(serviceUrl, conversationId, Address(activity), cancellationToken);
    }

    /// <summary>
    /// Sends to the sender's personal chat with the bot, created (or found again) with <c>POST /v3/conversations</c>
    /// naming the sender as the one member and the tenant, as botbuilder's CreateConversation does: for an answer
    /// that must not show where it was asked (a channel shared with another organisation).
    /// </summary>
    public async Task<ResourceResponse> SendPersonalAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, _) = Address();
        var user = Activity.From is { Id.Length: > 0 } from ? from : throw new InvalidOperationException("The inbound activity has no sender.");
        var tenantId = Activity.GetTenantId();
        var tenant = tenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } };
        var created = await Connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = Activity.Recipient,
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = tenantId,
            ChannelData = tenant,
        }, cancellationToken);
        var conversationId = created.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The Bot Connector answered without a conversation id.");
        var personal = activity with
        {
            From = activity.From ?? Activity.Recipient,
            Recipient = user,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
            ChannelId = activity.ChannelId ?? Activity.ChannelId,
            ServiceUrl = activity.ServiceUrl ?? Activity.ServiceUrl,
            Locale = activity.Locale ?? Activity.Locale,
            ChannelData = activity.ChannelData ?? tenant,
        };
        return await Connector.SendToConversationAsync(serviceUrl, conversationId, personal, cancellationToken);
    }

    /// <summary>Replaces a message the bot sent (e.g. the card an Action.Submit came from: <c>Activity.ReplyToId</c>).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Address();
        return Connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Address(activity), cancellationToken);
    }

    /// <summary>
    /// Replies (threaded) after the inbound request has been answered: the channel gets its 200 as soon as the change
    /// is stored, however slow or throttled the Bot Connector is. Like every <c>…AfterAck</c> method, the reply is
    /// stored as data before the ack (<see cref="TeamsStoredReply"/>) and sent by <see cref="TeamsReplySender"/> on the
    /// follow-up queue, after a restart if the process dies first; the steps of one turn are sent in order.
    /// </summary>
    public void ReplyAfterAck(Activity reply) => AfterAck(TeamsStoredReply.Reply, reply);

    public void ReplyAfterAck(string text) => ReplyAfterAck(Protocol.Activity.CreateMessage(text));

    /// <summary>Posts into the conversation after the ack, not threaded (see <see cref="ReplyAfterAck(Protocol.Activity)"/>).</summary>
    public void SendAfterAck(Activity activity) => AfterAck(TeamsStoredReply.Send, activity);

    /// <summary>Sends to the asker's personal chat after the ack (see <see cref="SendPersonalAsync"/>).</summary>
    public void SendPersonalAfterAck(Activity activity) => AfterAck(TeamsStoredReply.Personal, activity);

    /// <summary>Replaces card <paramref name="cardId"/> after the ack; a card that cannot be edited (or none) gets a new message.</summary>
    public void UpdateAfterAck(string? cardId, Activity activity)
    {
        if (cardId is { Length: > 0 })
            AfterAck(TeamsStoredReply.Update, activity, cardId);
        else
            SendAfterAck(activity);
    }

    /// <summary>A refusal's one line after the ack, not recorded as a conversation (see <see cref="ReplyWithoutRecordingAsync"/>).</summary>
    public void NoticeAfterAck(string text) => AfterAck(TeamsStoredReply.Notice, Protocol.Activity.CreateMessage(text));

    private void AfterAck(string operation, Activity outbound, string? cardId = null)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        _afterAck.Add(new TeamsStoredReply(operation, Activity, outbound, cardId));
    }

    private (string ServiceUrl, string ConversationId) Address() =>
        (Activity.ServiceUrl ?? throw new InvalidOperationException("The inbound activity has no serviceUrl."),
         Activity.Conversation?.Id ?? throw new InvalidOperationException("The inbound activity has no conversation id."));

    private Activity Address(Activity outbound) => outbound with
    {
        From = outbound.From ?? Activity.Recipient,
        Recipient = outbound.Recipient ?? Activity.From,
        Conversation = outbound.Conversation ?? Activity.Conversation,
        ChannelId = outbound.ChannelId ?? Activity.ChannelId,
        ServiceUrl = outbound.ServiceUrl ?? Activity.ServiceUrl,
        Locale = outbound.Locale ?? Activity.Locale,
    };
}
