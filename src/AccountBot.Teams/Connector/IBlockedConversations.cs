namespace AccountBot.Teams.Connector;

/// <summary>
/// Conversations Teams refused with 403 MessageWritesBlocked (the bot was uninstalled or blocked).
/// Sends there fail fast without HTTP until the bot is installed again. The interface lets storage
/// keep the list across restarts.
/// </summary>
public interface IBlockedConversations
{
    ValueTask<bool> IsBlockedAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask BlockAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Call on installationUpdate add / conversationUpdate with the bot added.</summary>
    ValueTask UnblockAsync(string conversationId, CancellationToken cancellationToken);
}
