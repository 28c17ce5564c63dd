using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Image size.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageSize>))]
public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}
