using AccountBot.Core.Accounts;

namespace AccountBot.Adapters.Conversations;

/// <summary>
/// Where the bot can post without being asked: one address per channel/conversation, saved by the
/// platform adapters when the bot is installed or spoken to, read by reminders. Scoped by workspace.
/// </summary>
public interface IConversationStore
{
    Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken);

    Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken);

    /// <summary>Every stored address of one platform (for the reminder scheduler).</summary>
    Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken);
}
