using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Which inputs an Action.Submit/Execute sends and validates.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs
{
    Auto,
    None,
}
