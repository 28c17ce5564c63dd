namespace AccountBot.Teams.Cards;

/// <summary><c>Action.ShowCard</c>: expands an inline card (no round trip).</summary>
public sealed record ShowCardAction : CardAction
{
    public ShowCardAction(string title, AdaptiveCard card)
        : base(title)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
    }

    public AdaptiveCard Card { get; init; }
}
