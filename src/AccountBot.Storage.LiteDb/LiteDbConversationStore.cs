using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;

namespace AccountBot.Storage.LiteDb;

/// <summary><see cref="IConversationStore"/> on LiteDB: one document per (workspace, channel), upserted.</summary>
public sealed class LiteDbConversationStore(LiteDbContext context) : IConversationStore
{
    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(address.ChannelId);
        cancellationToken.ThrowIfCancellationRequested();
        context.Conversations.Upsert(ConversationAddressDocument.From(address));
        return Task.CompletedTask;
    }

    public Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(context.Conversations.FindById(StoreKeys.Channel(workspace, channelId))?.ToDomain());
    }

    public Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ConversationAddress> addresses = [.. context.Conversations
            .Find(Filter.Eq(nameof(ConversationAddressDocument.Platform), platform.ToString()))
            .Select(d => d.ToDomain())];
        return Task.FromResult(addresses);
    }
}
