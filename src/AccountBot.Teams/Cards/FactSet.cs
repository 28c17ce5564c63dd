namespace AccountBot.Teams.Cards;

/// <summary>A two-column list of title/value pairs.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
