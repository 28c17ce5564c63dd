using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>Who sees a command reply: the caller only (Slack's default) or the whole channel.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseType>))]
public enum ResponseType
{
    [JsonStringEnumMemberName("ephemeral")]
    Ephemeral,

    [JsonStringEnumMemberName("in_channel")]
    InChannel,
}
