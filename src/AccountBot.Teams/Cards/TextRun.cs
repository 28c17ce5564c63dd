using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>
/// A styled run inside a <see cref="RichTextBlock"/>. Its text is never read as markdown, so this is
/// where user text goes; emphasis is the run's style.
/// </summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-2)]
    public string Type { get; } = "TextRun";

    public FontWeight? Weight { get; init; }

    public FontSize? Size { get; init; }

    public TextColor? Color { get; init; }

    public FontType? FontType { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Strikethrough { get; init; }

    public bool? Highlight { get; init; }
}
