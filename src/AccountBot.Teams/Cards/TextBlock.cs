namespace AccountBot.Teams.Cards;

/// <summary>A paragraph of text (Teams renders a subset of Markdown in it).</summary>
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
