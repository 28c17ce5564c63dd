using System.Collections.Concurrent;

namespace AccountBot.Teams.Connector;

/// <summary>The process-lifetime default of <see cref="IBlockedConversations"/>.</summary>
public sealed class InMemoryBlockedConversations : IBlockedConversations
{
    private readonly ConcurrentDictionary<string, bool> _blocked = new(StringComparer.Ordinal);

    public ValueTask<bool> IsBlockedAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_blocked.ContainsKey(ConversationKey.Of(conversationId)));

    public ValueTask BlockAsync(string conversationId, CancellationToken cancellationToken)
    {
        _blocked[ConversationKey.Of(conversationId)] = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask UnblockAsync(string conversationId, CancellationToken cancellationToken)
    {
        _blocked.TryRemove(ConversationKey.Of(conversationId), out _);
        return ValueTask.CompletedTask;
    }
}
