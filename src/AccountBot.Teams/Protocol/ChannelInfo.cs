using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary><c>channelData.channel</c>: a Teams channel (its id is <c>19:…@thread.tacv2</c>).</summary>
public sealed record ChannelInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary><see cref="ChannelTypes"/>: <c>standard</c>, <c>private</c> or <c>shared</c> (may hold people of other tenants).</summary>
    public string? Type { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
