namespace AccountBot.Teams.Cards;

/// <summary>Text made of differently styled runs; shown literally (Teams reads no markdown in it).</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
