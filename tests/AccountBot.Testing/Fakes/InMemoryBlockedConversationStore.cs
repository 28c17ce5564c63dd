using System.Collections.Concurrent;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// An in-memory <see cref="IBlockedConversationStore"/> for tests. It counts reads and writes (to show what the
/// send path does not ask), can hold writes mid-way (<see cref="HoldWritesUntil"/>) and fail a read
/// (<see cref="FailNextList"/>).
/// </summary>
public sealed class InMemoryBlockedConversationStore : IBlockedConversationStore
{
    private readonly ConcurrentDictionary<(Platform, string), BlockedConversation> entries = new();
    private int lists;
    private int writes;
    private int failNextList;
    private Task hold = Task.CompletedTask;

    /// <summary>How many times <see cref="ListAsync"/> was called.</summary>
    public int Lists => Volatile.Read(ref lists);

    /// <summary>How many saves and deletes reached the store.</summary>
    public int Writes => Volatile.Read(ref writes);

    public IReadOnlyList<BlockedConversation> All => [.. entries.Values];

    /// <summary>Saves and deletes wait until <paramref name="release"/> completes (a slow write, caught in the middle).</summary>
    public void HoldWritesUntil(Task release) => hold = release;

    /// <summary>The next <see cref="ListAsync"/> throws an <see cref="IOException"/> (a database that failed once).</summary>
    public void FailNextList() => Volatile.Write(ref failNextList, 1);

    public Task<IReadOnlyList<BlockedConversation>> ListAsync(Platform platform, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref lists);
        if (Interlocked.Exchange(ref failNextList, 0) == 1)
            throw new IOException("The blocked-conversation store failed (test).");
        return Task.FromResult<IReadOnlyList<BlockedConversation>>([.. entries.Values.Where(e => e.Platform == platform)]);
    }

    public async Task SaveAsync(BlockedConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await hold.WaitAsync(cancellationToken);
        Interlocked.Increment(ref writes);
        entries[(conversation.Platform, conversation.ConversationKey)] = conversation;
    }

    public async Task DeleteAsync(Platform platform, string conversationKey, CancellationToken cancellationToken)
    {
        await hold.WaitAsync(cancellationToken);
        Interlocked.Increment(ref writes);
        entries.TryRemove((platform, conversationKey), out _);
    }
}
