using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A button's colour; leave unset for the default.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("danger")]
    Danger,
}
