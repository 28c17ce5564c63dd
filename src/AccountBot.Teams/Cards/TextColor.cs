using System.Text.Json.Serialization;

namespace AccountBot.Teams.Cards;

/// <summary>TextBlock/TextRun colour (theme-aware).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
