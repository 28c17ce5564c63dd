using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>A stored <see cref="ConversationAddress"/>, keyed by <c>{workspace}|{channel id}</c>.</summary>
public sealed class ConversationAddressDocument
{
    public string Id { get; set; } = string.Empty;
    public string Workspace { get; set; } = string.Empty;
    public string Platform { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string? ChannelName { get; set; }
    public string ConversationId { get; set; } = string.Empty;
    public string? ServiceUrl { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }
    public string? TenantId { get; set; }
    public string? ConversationType { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static ConversationAddressDocument From(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ConversationAddressDocument
        {
            Id = StoreKeys.Channel(address.Workspace, address.ChannelId),
            Workspace = address.Workspace.Value,
            Platform = address.Workspace.Platform.ToString(),
            ChannelId = address.ChannelId,
            ChannelName = address.ChannelName,
            ConversationId = address.ConversationId,
            ServiceUrl = address.ServiceUrl,
            BotId = address.BotId,
            BotName = address.BotName,
            TenantId = address.TenantId,
            ConversationType = address.ConversationType,
            UpdatedAt = StoredDates.ToStored(address.UpdatedAt),
        };
    }

    public ConversationAddress ToDomain() => new()
    {
        Workspace = WorkspaceKey.Parse(Workspace),
        ChannelId = ChannelId,
        ChannelName = ChannelName,
        ConversationId = ConversationId,
        ServiceUrl = ServiceUrl,
        BotId = BotId,
        BotName = BotName,
        TenantId = TenantId,
        ConversationType = ConversationType,
        UpdatedAt = StoredDates.FromStored(UpdatedAt),
    };
}
