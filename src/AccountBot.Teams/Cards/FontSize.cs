using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>TextBlock/TextRun size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FontSize>))]
public enum FontSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
