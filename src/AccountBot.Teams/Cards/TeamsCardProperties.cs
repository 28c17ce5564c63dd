namespace AccountBot.Teams.Cards;

/// <summary>The card's <c>msteams</c> property.</summary>
public sealed record TeamsCardProperties(string? Width)
{
    /// <summary><c>{"width":"Full"}</c>: use the whole message width.</summary>
    public static TeamsCardProperties FullWidth { get; } = new("Full");
}
