using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Cards;

/// <summary>The card's <c>msteams</c> property.</summary>
public sealed record TeamsCardProperties(string? Width)
{
    /// <summary><c>{"width":"Full"}</c>: use the whole message width.</summary>
    public static TeamsCardProperties FullWidth { get; } = new("Full");

    /// <summary>Mentions used in the card's text (<c>&lt;at&gt;Name&lt;/at&gt;</c> + a <c>mention</c> entity), so Teams notifies the person.</summary>
    public IReadOnlyList<Entity>? Entities { get; init; }
}
