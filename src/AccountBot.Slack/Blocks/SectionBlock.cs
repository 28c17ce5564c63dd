using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>Text (≤ 3000) and/or up to 10 fields (≤ 2000 each), with an optional accessory element.</summary>
public sealed record SectionBlock : Block
{
    public SectionBlock(TextObject? text, IEnumerable<TextObject>? fields = null)
    {
        Text = text?.Truncate(SlackLimits.SectionText);
        Fields = fields is null
            ? null
            : SlackLimits.RequireCount(fields, SlackLimits.FieldsPerSection, nameof(fields)).Select(f => f.Truncate(SlackLimits.SectionField)).ToArray();
        if (Text is null && Fields is not { Count: > 0 })
            throw new ArgumentException("A section needs text or at least one field.", nameof(text));
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "section";
    public TextObject? Text { get; }
    public IReadOnlyList<TextObject>? Fields { get; }
    public BlockElement? Accessory { get; init; }
}
