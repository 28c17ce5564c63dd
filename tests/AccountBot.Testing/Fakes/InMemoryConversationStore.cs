using System.Collections.Concurrent;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Testing.Fakes;

/// <summary>An in-memory <see cref="IConversationStore"/> for tests.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<(WorkspaceKey, string), ConversationAddress> addresses = new();

    public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        addresses[(address.Workspace, address.ChannelId)] = address;
        return Task.CompletedTask;
    }

    public Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(addresses.GetValueOrDefault((workspace, channelId)));

    public Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationAddress>>([.. addresses.Values.Where(a => a.Workspace.Platform == platform)]);
}
