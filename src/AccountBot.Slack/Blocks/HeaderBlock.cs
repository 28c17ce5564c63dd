using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A large bold title (plain text, ≤ 150, truncated).</summary>
public sealed record HeaderBlock : Block
{
    public HeaderBlock(PlainText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Truncate(SlackLimits.HeaderText);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "header";
    public PlainText Text { get; }
}
