using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>TextBlock/TextRun weight.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FontWeight>))]
public enum FontWeight
{
    Default,
    Lighter,
    Bolder,
}
