namespace AccountBot.Teams.Cards;

/// <summary>
/// <c>Action.ToggleVisibility</c>: shows or hides the elements with these ids, in the client, with no round trip. Inputs
/// inside a hidden element are still sent by the card's <c>Action.Submit</c>.
/// </summary>
public sealed record ToggleVisibilityAction : CardAction
{
    public ToggleVisibilityAction(string title, IReadOnlyList<string> targetElements)
        : base(title)
    {
        ArgumentNullException.ThrowIfNull(targetElements);
        ArgumentOutOfRangeException.ThrowIfZero(targetElements.Count);
        TargetElements = targetElements;
    }

    public IReadOnlyList<string> TargetElements { get; init; }
}
