using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// <see cref="IBlockedConversationStore"/> on LiteDB: one document per (platform, conversation key), upserted and
/// deleted by id, so each write is one atomic document write. Retention never prunes this collection.
/// </summary>
public sealed class LiteDbBlockedConversationStore(LiteDbContext context) : IBlockedConversationStore
{
    public Task<IReadOnlyList<BlockedConversation>> ListAsync(Platform platform, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<BlockedConversation> blocked = [.. context.BlockedConversations
            .Find(Filter.Eq(nameof(BlockedConversationDocument.Platform), platform.ToString()))
            .Select(d => d.ToDomain())];
        return Task.FromResult(blocked);
    }

    public Task SaveAsync(BlockedConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(conversation.ConversationKey);
        cancellationToken.ThrowIfCancellationRequested();
        context.BlockedConversations.Upsert(BlockedConversationDocument.From(conversation));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Platform platform, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();
        context.BlockedConversations.Delete(StoreKeys.BlockedConversation(platform, conversationKey));
        return Task.CompletedTask;
    }
}
