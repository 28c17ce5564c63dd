using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Action button emphasis.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}
