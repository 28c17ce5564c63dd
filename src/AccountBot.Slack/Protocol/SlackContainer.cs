using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>Where an interaction happened: a <c>message</c> (with its ts) or a <c>view</c>.</summary>
public sealed record SlackContainer
{
    public required string Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ThreadTs { get; init; }
    public string? ChannelId { get; init; }
    public bool? IsEphemeral { get; init; }
    public string? ViewId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
