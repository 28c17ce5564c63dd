using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Bot;

/// <summary>Builds the core's <see cref="RequestContext"/> and the stored address from a verified activity only.</summary>
public static class TeamsRequestContexts
{
    public const string ChannelConversation = "channel";
    public const string PersonalConversation = "personal";

    /// <summary>The stored type of a Teams shared channel's address: nothing with map content is posted there.</summary>
    public const string SharedChannelConversation = "sharedChannel";

    /// <summary>
    /// Workspace = the tenant; user = the AAD object id (else the channel account id); channel = the
    /// Teams channel id for channel messages (links and reminders are per channel, not per thread),
    /// else the chat's conversation id. Null when the activity names no tenant.
    /// </summary>
    public static RequestContext? TryCreateContext(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.GetTenantId() is not { Length: > 0 } tenant || activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return null;

        var from = activity.From;
        var userId = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id;
        var user = new UserRef(userId ?? "unknown", from?.Name is { Length: > 0 } name ? Shorten(name) : "Someone");
        return new RequestContext(WorkspaceKey.ForTeams(tenant), user, Channel(activity, conversationId)) { PrivateChannel = IsPrivateChannel(activity) };
    }

    /// <summary>Display names are echoed in cards ("Ada added Jane"); a name of any length must not push a card over Teams' size limit.</summary>
    public const int MaxUserNameLength = 100;

    public static bool IsChannel(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.Conversation?.ConversationType, ChannelConversation, StringComparison.OrdinalIgnoreCase)
            || activity.ChannelData?.Channel?.Id is { Length: > 0 };
    }

    /// <summary>A Teams Connect shared channel (<c>channelData.channel.type</c> <c>shared</c>): it can hold people of other organisations.</summary>
    public static bool IsSharedChannel(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelData?.Channel?.Type, ChannelTypes.Shared, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A Teams private channel (<c>channelData.channel.type</c> <c>private</c>): a map created there is private.</summary>
    public static bool IsPrivateChannel(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelData?.Channel?.Type, ChannelTypes.Private, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Where proactive messages for this channel/chat go: a channel is addressed by its channel id (a digest starts a new thread there).</summary>
    public static ConversationAddress CreateAddress(Activity activity, RequestContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        var channel = IsChannel(activity);
        return new ConversationAddress
        {
            Workspace = context.Workspace,
            ChannelId = context.Channel.Id,
            ChannelName = context.Channel.Name,
            ConversationId = channel ? context.Channel.Id : activity.Conversation!.Id!,
            ServiceUrl = activity.ServiceUrl,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            TenantId = activity.GetTenantId(),
            ConversationType = channel
                ? IsSharedChannel(activity) ? SharedChannelConversation : ChannelConversation
                : activity.Conversation?.ConversationType ?? PersonalConversation,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Where a proactive 1:1 chat with the sender can be opened (a nudge): their Teams account id, the serviceUrl, the
    /// bot and the tenant, stored under <see cref="ConversationAddress.UserChannelId"/> of the id the maps name them by
    /// (<see cref="RequestContext.User"/>). Null when the sender has no account id, or writes from a shared channel
    /// (they may belong to another organisation, whose tenant this address would not be).
    /// </summary>
    public static ConversationAddress? CreateUserAddress(Activity activity, RequestContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        if (activity.From?.Id is not { Length: > 0 } accountId || activity.ServiceUrl is not { Length: > 0 } || IsSharedChannel(activity))
            return null;

        return new ConversationAddress
        {
            Workspace = context.Workspace,
            ChannelId = ConversationAddress.UserChannelId(context.User.Id),
            ChannelName = context.User.Name,
            ConversationId = accountId,
            ServiceUrl = activity.ServiceUrl,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            TenantId = activity.GetTenantId(),
            ConversationType = ConversationAddress.UserType,
            UpdatedAt = now,
        };
    }

    private static string Shorten(string name) => name.Length <= MaxUserNameLength ? name : name[..(MaxUserNameLength - 1)] + "…";

    private static ChannelRef Channel(Activity activity, string conversationId)
    {
        if (IsChannel(activity))
        {
            var id = activity.ChannelData?.Channel?.Id is { Length: > 0 } channelId ? channelId : ConversationKey.Of(conversationId);
            return new ChannelRef(id, activity.ChannelData?.Channel?.Name);
        }

        var type = activity.Conversation?.ConversationType;
        var name = activity.Conversation?.Name is { Length: > 0 } chatName
            ? chatName
            : string.Equals(type, PersonalConversation, StringComparison.OrdinalIgnoreCase) || type is null ? "personal chat" : "group chat";
        return new ChannelRef(conversationId, name);
    }
}
