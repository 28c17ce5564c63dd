using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>The Teams-specific <c>channelData</c> of an activity.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public ChannelInfo? Channel { get; init; }

    /// <summary>For conversationUpdate: <c>teamMemberAdded</c>, <c>channelCreated</c>, …</summary>
    public string? EventType { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
