namespace AccountBot.Teams.Cards;

/// <summary>
/// A paragraph of text that Teams reads as markdown (links, emphasis, lists, <c>&lt;at&gt;</c> mentions).
/// Only for the bot's own markup; user text goes in a <see cref="RichTextBlock"/>'s <see cref="TextRun"/>s.
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; }

    public FontWeight? Weight { get; init; }

    public FontSize? Size { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
