using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Adapters.Conversations;

/// <summary>
/// Keeps <see cref="BlockedConversation"/>s across restarts, so a new process does not write into every blocked
/// conversation again and collect a refusal from each. A platform adapter reads its list once and answers "is it
/// blocked?" from memory; this store is only its record. Entries are never pruned by age.
/// </summary>
public interface IBlockedConversationStore
{
    /// <summary>Every blocked conversation of one platform.</summary>
    Task<IReadOnlyList<BlockedConversation>> ListAsync(Platform platform, CancellationToken cancellationToken);

    /// <summary>Adds the conversation, or replaces what is stored under its platform and key.</summary>
    Task SaveAsync(BlockedConversation conversation, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation; one that is not stored is not an error.</summary>
    Task DeleteAsync(Platform platform, string conversationKey, CancellationToken cancellationToken);
}
