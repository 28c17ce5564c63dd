using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>A selected option: its <see cref="Value"/> is what our code put there, the text is for people.</summary>
public sealed record SlackOptionValue
{
    public SlackTextValue? Text { get; init; }
    public required string Value { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
