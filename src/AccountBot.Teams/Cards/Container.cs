namespace AccountBot.Teams.Cards;

/// <summary>A group of elements, optionally styled or hidden (toggled by id).</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }
}
