using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : Block
{
    [JsonPropertyOrder(-2)]
    public override string Type => "divider";
}
