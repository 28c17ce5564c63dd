using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>Container and Column background style.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}
