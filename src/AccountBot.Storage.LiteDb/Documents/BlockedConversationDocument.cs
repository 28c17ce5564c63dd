using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>A stored <see cref="BlockedConversation"/>, keyed by <c>{platform}|{conversation key}</c>.</summary>
public sealed class BlockedConversationDocument
{
    public string Id { get; set; } = string.Empty;
    public string Platform { get; set; } = string.Empty;
    public string ConversationKey { get; set; } = string.Empty;
    public string? TenantId { get; set; }
    public DateTime BlockedAt { get; set; }

    public static BlockedConversationDocument From(BlockedConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new BlockedConversationDocument
        {
            Id = StoreKeys.BlockedConversation(conversation.Platform, conversation.ConversationKey),
            Platform = conversation.Platform.ToString(),
            ConversationKey = conversation.ConversationKey,
            TenantId = conversation.TenantId,
            BlockedAt = StoredDates.ToStored(conversation.BlockedAt),
        };
    }

    public BlockedConversation ToDomain() => new()
    {
        Platform = Enum.Parse<Platform>(Platform),
        ConversationKey = ConversationKey,
        TenantId = TenantId,
        BlockedAt = StoredDates.FromStored(BlockedAt),
    };
}
