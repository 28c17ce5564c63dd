using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A row of interactive elements (1–25).</summary>
public sealed record ActionsBlock : Block
{
    public ActionsBlock(IEnumerable<ActionElement> elements)
    {
        Elements = SlackLimits.RequireCount<BlockElement>(elements, SlackLimits.ElementsPerActions, nameof(elements), min: 1);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "actions";
    public IReadOnlyList<BlockElement> Elements { get; }
}
