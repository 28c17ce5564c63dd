using AccountBot.Core.Accounts;

namespace AccountBot.Adapters.Conversations;

/// <summary>
/// How to reach one channel or chat. Teams needs the connector's <see cref="ServiceUrl"/> and the
/// conversation id; Slack needs only the channel id (the workspace gives the token).
/// </summary>
public sealed record ConversationAddress
{
    /// <summary>
    /// The <see cref="ConversationType"/> of a person's address rather than a conversation's: where to open a 1:1 chat
    /// with them (a Teams nudge). Its <see cref="ChannelId"/> is <see cref="UserChannelId"/> of the user, its
    /// <see cref="ConversationId"/> the user's Teams account id. It does not count as a conversation the app is in.
    /// </summary>
    public const string UserType = "user";

    /// <summary>The <see cref="ChannelId"/> a person's address is stored under (user ids never look like channel ids).</summary>
    public static string UserChannelId(string userId) => "user:" + userId;

    public required WorkspaceKey Workspace { get; init; }

    /// <summary>The channel id maps are linked with (Teams channel id, or the chat's conversation id; Slack channel id).</summary>
    public required string ChannelId { get; init; }

    public string? ChannelName { get; init; }

    /// <summary>The id to post to (Teams conversation id; Slack channel id).</summary>
    public required string ConversationId { get; init; }

    public string? ServiceUrl { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public string? TenantId { get; init; }

    /// <summary>Personal chat, group chat or channel.</summary>
    public string? ConversationType { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
