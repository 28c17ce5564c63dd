namespace AccountBot.Teams.Cards;

/// <summary>Side-by-side columns.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle? Style { get; init; }
}
