using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// An entity attached to an activity. Only mentions are typed; other kinds (clientInfo, …) keep
/// their fields in <see cref="ExtensionData"/>.
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }

    /// <summary>For a mention: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>For a mention: the exact text of the mention in the message, e.g. <c>&lt;at&gt;AccountBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
