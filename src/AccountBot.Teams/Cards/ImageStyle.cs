using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Image style.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageStyle>))]
public enum ImageStyle
{
    Default,
    Person,
}
