namespace AccountBot.Teams.Cards;

/// <summary><c>Input.ChoiceSet</c>. A multi-select value is the chosen values joined by commas.</summary>
public sealed record ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id, IReadOnlyList<Choice> choices)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Choices = choices;
    }

    public IReadOnlyList<Choice> Choices { get; init; }

    public bool? IsMultiSelect { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? Wrap { get; init; }
}
