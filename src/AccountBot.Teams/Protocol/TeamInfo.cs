using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary><c>channelData.team</c>.</summary>
public sealed record TeamInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadGroupId { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
