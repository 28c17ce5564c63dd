namespace AccountBot.Teams.Cards;

/// <summary>Keys AccountBot puts in Action.Submit data.</summary>
public static class CardDataKeys
{
    /// <summary>Which use case a submit belongs to (Action.Execute carries it as <c>verb</c> natively).</summary>
    public const string Verb = "verb";
}
