using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>A styled run inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-2)]
    public string Type { get; } = "TextRun";

    public FontWeight? Weight { get; init; }

    public FontSize? Size { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Strikethrough { get; init; }

    public bool? Highlight { get; init; }
}
