using AccountBot.Adapters.Conversations;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Routing;

/// <summary>The core's <see cref="RequestContext"/> and the addresses to store, built from the verified activity only, once per turn.</summary>
public sealed partial class TeamsTurn
{
    /// <summary>Display names are echoed in cards ("Ada added Jane"); a name of any length must not push a card over Teams' size limit.</summary>
    public const int MaxUserNameLength = 100;

    private RequestContext? _context;
    private bool _contextBuilt;

    /// <summary>
    /// Who asks where, for the core: workspace = the tenant; user = the AAD object id (else the channel account id);
    /// channel = the Teams channel id for channel messages (links and reminders are per channel, not per thread), else
    /// the chat's conversation id. Null when the activity names no tenant or conversation.
    /// </summary>
    public RequestContext? Context
    {
        get
        {
            if (!_contextBuilt)
            {
                _context = BuildContext();
                _contextBuilt = true;
            }

            return _context;
        }
    }

    /// <summary>A channel message (not a personal or group chat).</summary>
    public bool IsChannel =>
        string.Equals(Activity.Conversation?.ConversationType, ConversationTypes.Channel, StringComparison.OrdinalIgnoreCase)
        || Activity.ChannelData?.Channel?.Id is { Length: > 0 };

    /// <summary>A Teams Connect shared channel (<c>channelData.channel.type</c> <c>shared</c>): it can hold people of other organisations.</summary>
    public bool IsSharedChannel => string.Equals(Activity.ChannelData?.Channel?.Type, ChannelTypes.Shared, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Teams private channel (<c>channelData.channel.type</c> <c>private</c>): a map created there is private.</summary>
    public bool IsPrivateChannel => string.Equals(Activity.ChannelData?.Channel?.Type, ChannelTypes.Private, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where proactive messages for this channel/chat go: a channel is addressed by its channel id (a digest starts a
    /// new thread there). Null when the turn has no <see cref="Context"/>.
    /// </summary>
    public ConversationAddress? ConversationAddressAt(DateTimeOffset now)
    {
        if (Context is not { } context)
            return null;
        var channel = IsChannel;
        return new ConversationAddress
        {
            Workspace = context.Workspace,
            ChannelId = context.Channel.Id,
            ChannelName = context.Channel.Name,
            ConversationId = channel ? context.Channel.Id : Activity.Conversation!.Id!,
            ServiceUrl = Activity.ServiceUrl,
            BotId = Activity.Recipient?.Id,
            BotName = Activity.Recipient?.Name,
            TenantId = Activity.GetTenantId(),
            ConversationType = channel
                ? IsSharedChannel ? ConversationTypes.SharedChannel : ConversationTypes.Channel
                : Activity.Conversation?.ConversationType ?? ConversationTypes.Personal,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Where a proactive 1:1 chat with the sender can be opened (a nudge): their Teams account id, the serviceUrl, the
    /// bot and the tenant, stored under <see cref="ConversationAddress.UserChannelId"/> of the id the maps name them by
    /// (<see cref="RequestContext.User"/>). Null without a <see cref="Context"/>, when the sender has no account id, or
    /// writes from a shared channel (they may belong to another organisation, whose tenant this address would not be).
    /// </summary>
    public ConversationAddress? SenderAddressAt(DateTimeOffset now)
    {
        if (Context is not { } context || Activity.From?.Id is not { Length: > 0 } accountId || Activity.ServiceUrl is not { Length: > 0 } || IsSharedChannel)
            return null;

        return new ConversationAddress
        {
            Workspace = context.Workspace,
            ChannelId = ConversationAddress.UserChannelId(context.User.Id),
            ChannelName = context.User.Name,
            ConversationId = accountId,
            ServiceUrl = Activity.ServiceUrl,
            BotId = Activity.Recipient?.Id,
            BotName = Activity.Recipient?.Name,
            TenantId = Activity.GetTenantId(),
            ConversationType = ConversationAddress.UserType,
            UpdatedAt = now,
        };
    }

    private RequestContext? BuildContext()
    {
        if (Activity.GetTenantId() is not { Length: > 0 } tenant || Activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return null;

        var from = Activity.From;
        var userId = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id;
        var user = new UserRef(userId ?? "unknown", from?.Name is { Length: > 0 } name ? Shorten(name) : "Someone");
        return new RequestContext(WorkspaceKey.ForTeams(tenant), user, Channel(conversationId)) { PrivateChannel = IsPrivateChannel };
    }

    private static string Shorten(string name) => name.Length <= MaxUserNameLength ? name : name[..(MaxUserNameLength - 1)] + "…";

    private ChannelRef Channel(string conversationId)
    {
        if (IsChannel)
        {
            var id = Activity.ChannelData?.Channel?.Id is { Length: > 0 } channelId ? channelId : ConversationKey.Of(conversationId);
            return new ChannelRef(id, Activity.ChannelData?.Channel?.Name);
        }

        var type = Activity.Conversation?.ConversationType;
        var name = Activity.Conversation?.Name is { Length: > 0 } chatName
            ? chatName
            : string.Equals(type, ConversationTypes.Personal, StringComparison.OrdinalIgnoreCase) || type is null ? "personal chat" : "group chat";
        return new ChannelRef(conversationId, name);
    }
}
