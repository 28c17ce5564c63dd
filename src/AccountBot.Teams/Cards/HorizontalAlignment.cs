using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Horizontal alignment of text or images.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}
