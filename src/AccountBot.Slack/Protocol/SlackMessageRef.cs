using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>The message an interaction came from (its blocks stay in <see cref="ExtensionData"/>).</summary>
public sealed record SlackMessageRef
{
    public string? Type { get; init; }
    public required string Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Text { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
