namespace AccountBot.Teams.Cards;

/// <summary><c>Input.Text</c>.</summary>
public sealed record TextInput : CardInput
{
    public TextInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}
