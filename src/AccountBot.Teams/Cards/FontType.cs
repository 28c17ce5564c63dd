using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>TextBlock/TextRun typeface.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FontType>))]
public enum FontType
{
    Default,
    Monospace,
}
