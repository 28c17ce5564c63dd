using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Adapters.Conversations;

/// <summary>
/// A conversation the platform refuses the bot's messages in (Teams: 403 <c>MessageWritesBlocked</c> once the bot
/// was removed or blocked). It stays blocked until the bot is installed there again, whatever its age.
/// </summary>
public sealed record BlockedConversation
{
    public required Platform Platform { get; init; }

    /// <summary>The conversation as the platform adapter keys it (Teams: a channel thread counts as its channel).</summary>
    public required string ConversationKey { get; init; }

    /// <summary>Whose conversation it was, when the send that was refused said so (for support).</summary>
    public string? TenantId { get; init; }

    /// <summary>When the platform first refused a message there (for support).</summary>
    public required DateTimeOffset BlockedAt { get; init; }
}
