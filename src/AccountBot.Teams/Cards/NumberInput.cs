namespace AccountBot.Teams.Cards;

/// <summary><c>Input.Number</c>.</summary>
public sealed record NumberInput : CardInput
{
    public NumberInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Value { get; init; }
}
