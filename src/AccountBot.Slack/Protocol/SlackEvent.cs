using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>
/// The inner <c>event</c> of an <see cref="EventCallbackEnvelope"/>, switched on <c>type</c> by
/// <see cref="SlackEventConverter"/>: <see cref="AppMentionEvent"/>, <see cref="AppUninstalledEvent"/>,
/// <see cref="TokensRevokedEvent"/>, <see cref="ChannelSharingEvent"/>, or <see cref="UnknownSlackEvent"/>.
/// </summary>
[JsonConverter(typeof(SlackEventConverter))]
public abstract record SlackEvent
{
    public required string Type { get; init; }
    public string? EventTs { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
