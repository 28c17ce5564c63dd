using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>A text object as Slack sends it back to us (outbound text is <c>Blocks.TextObject</c>).</summary>
public sealed record SlackTextValue
{
    public required string Type { get; init; }
    public required string Text { get; init; }
    public bool? Emoji { get; init; }
    public bool? Verbatim { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
