namespace AccountBot.Teams.Cards;

/// <summary><c>Input.Toggle</c>: a checkbox whose value is <see cref="ValueOn"/>/<see cref="ValueOff"/> (default <c>true</c>/<c>false</c>).</summary>
public sealed record ToggleInput : CardInput
{
    public ToggleInput(string id, string title)
        : base(id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    public string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
