using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>A column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-2)]
    public string Type { get; } = "Column";

    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    /// <summary><c>auto</c>, <c>stretch</c>, a pixel width like <c>80px</c>, or a relative weight like <c>2</c>.</summary>
    public string? Width { get; init; }

    public ContainerStyle? Style { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }

    /// <summary>A column <c>auto</c>-sized to its content.</summary>
    public static Column Auto(params IReadOnlyList<CardElement> items) => new(items) { Width = "auto" };

    /// <summary>A column taking the remaining width.</summary>
    public static Column Stretch(params IReadOnlyList<CardElement> items) => new(items) { Width = "stretch" };
}
