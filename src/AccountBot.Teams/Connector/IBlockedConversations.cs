namespace AccountBot.Teams.Connector;

/// <summary>
/// Conversations Teams refused with 403 MessageWritesBlocked (the bot was uninstalled or blocked).
/// Sends there fail fast without HTTP until the bot is installed again. <see cref="IsBlockedAsync"/> is asked
/// before every outbound message, so implementations answer it from memory.
/// </summary>
public interface IBlockedConversations
{
    ValueTask<bool> IsBlockedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records the refusal; <paramref name="tenantId"/> (when the send knew it) is kept for support.</summary>
    ValueTask BlockAsync(string conversationId, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Call on installationUpdate add / conversationUpdate with the bot added.</summary>
    ValueTask UnblockAsync(string conversationId, CancellationToken cancellationToken);
}
