using System.Text.Json;

namespace AccountBot.Teams.Cards;

/// <summary>
/// <c>Action.Execute</c>: Teams sends an <c>adaptiveCard/action</c> invoke with
/// <c>value.action.{verb,data}</c> and waits for the invoke response (which can replace the card).
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb)
        : base(title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Verb = verb;
    }

    public string Verb { get; init; }

    public JsonElement? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
