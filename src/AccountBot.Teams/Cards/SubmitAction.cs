using System.Text.Json;

namespace AccountBot.Teams.Cards;

/// <summary>
/// <c>Action.Submit</c>: Teams posts a <c>message</c> whose <c>value</c> is <see cref="Data"/>
/// merged with the input values, and whose <c>replyToId</c> is the card's message id.
/// </summary>
public sealed record SubmitAction : CardAction
{
    public SubmitAction(string title)
        : base(title)
    {
    }

    /// <summary>An object (build it with <see cref="CardData"/>) so input values can be merged into it.</summary>
    public JsonElement? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
