using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Input.ChoiceSet presentation; Filtered is a type-ahead (schema 1.5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}
