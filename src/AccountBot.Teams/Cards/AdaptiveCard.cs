using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>
/// An Adaptive Card at schema 1.5 (the newest Teams renders):
/// <c>new AdaptiveCard([new TextBlock("Acme") { Weight = FontWeight.Bolder }]) { Actions = [...] }</c>.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-2)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = SchemaVersion;

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    /// <summary>Teams' extension; full width by default because account maps are wide.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; } = TeamsCardProperties.FullWidth;
}
