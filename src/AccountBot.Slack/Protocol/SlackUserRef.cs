using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>The user who acted, as interaction payloads carry it.</summary>
public sealed record SlackUserRef
{
    public required string Id { get; init; }
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? TeamId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
