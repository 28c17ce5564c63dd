using System.Collections.Concurrent;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Teams.Connector;

/// <summary>
/// <see cref="IBlockedConversations"/> kept in memory and written through to an <see cref="IBlockedConversationStore"/>,
/// so the list survives restarts while the check before every send stays a dictionary lookup: the store is read once,
/// on first use. Keys go through <see cref="ConversationKey.Of"/>, so blocking a channel thread blocks its channel.
/// </summary>
public sealed class BlockedConversations(IBlockedConversationStore store, TimeProvider time) : IBlockedConversations
{
    // Serialises the first load and every write, so memory and the store always change in the same order.
    // Never taken by a check once the list is loaded.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ConcurrentDictionary<string, BlockedConversation>? _blocked;

    public ValueTask<bool> IsBlockedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = ConversationKey.Of(conversationId);
        return _blocked is { } blocked
            ? ValueTask.FromResult(blocked.ContainsKey(key))
            : IsBlockedAfterLoadAsync(key, cancellationToken);
    }

    public async ValueTask BlockAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var key = ConversationKey.Of(conversationId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var blocked = await LoadWhileHoldingGateAsync(cancellationToken);
            if (blocked.ContainsKey(key))
                return; // sends already in flight when the first refusal came: keep the first time

            var entry = new BlockedConversation { Platform = Platform.Teams, ConversationKey = key, TenantId = tenantId, BlockedAt = time.GetUtcNow() };

            // The store first: if it fails, this process does not claim a block the next one would not know about,
            // and the next send's refusal records it again.
            await store.SaveAsync(entry, cancellationToken);
            blocked[key] = entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask UnblockAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = ConversationKey.Of(conversationId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var blocked = await LoadWhileHoldingGateAsync(cancellationToken);
            if (!blocked.ContainsKey(key))
                return; // the common case (every install and welcome): no write

            await store.DeleteAsync(Platform.Teams, key, cancellationToken);
            blocked.TryRemove(key, out _);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<bool> IsBlockedAfterLoadAsync(string key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return (await LoadWhileHoldingGateAsync(cancellationToken)).ContainsKey(key);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The list, read from the store the first time; a failed read is tried again by the next caller.</summary>
    private async ValueTask<ConcurrentDictionary<string, BlockedConversation>> LoadWhileHoldingGateAsync(CancellationToken cancellationToken)
    {
        if (_blocked is { } loaded)
            return loaded;

        var stored = await store.ListAsync(Platform.Teams, cancellationToken);
        var blocked = new ConcurrentDictionary<string, BlockedConversation>(StringComparer.Ordinal);
        foreach (var entry in stored)
            blocked[entry.ConversationKey] = entry;
        _blocked = blocked;
        return blocked;
    }
}
