using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Input.Text keyboard/validation hint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
