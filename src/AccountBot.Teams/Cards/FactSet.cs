namespace AccountBot.Teams.Cards;

/// <summary>A two-column list of title/value pairs. Teams reads fact titles and values as markdown: bot text only.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
