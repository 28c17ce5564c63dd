using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Space above an element.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
public enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
