namespace AccountBot.Teams.Cards;

/// <summary><c>Input.Date</c>; dates travel as <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput : CardInput
{
    public DateInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public DateOnly? Value { get; init; }
}
