using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>Small grey text and images (1–10 elements).</summary>
public sealed record ContextBlock : Block
{
    public ContextBlock(IEnumerable<IContextElement> elements)
    {
        Elements = SlackLimits.RequireCount(elements, SlackLimits.ElementsPerContext, nameof(elements), min: 1)
            .Select(e => e is TextObject t ? t.Truncate(SlackLimits.ContextText) : e)
            .ToArray();
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "context";
    public IReadOnlyList<IContextElement> Elements { get; }
}
