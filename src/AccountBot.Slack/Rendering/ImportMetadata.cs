using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The import preview modal's <c>private_metadata</c>: the map and pending import its submit applies (the import id
/// is also the idempotency key) and the channel to announce the updated map in. Only ever looked up inside the
/// requester's own workspace.
/// </summary>
public sealed record ImportMetadata(
    [property: JsonPropertyName("m")] Guid MapId,
    [property: JsonPropertyName("i")] string ImportId,
    [property: JsonPropertyName("c")] string? ChannelId)
{
    public string Encode() => JsonSerializer.Serialize(this, SlackJsonContext.Default.ImportMetadata);

    /// <summary>Null when the metadata is missing or not ours (never throws on forged input).</summary>
    public static ImportMetadata? TryDecode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var metadata = JsonSerializer.Deserialize(text, SlackJsonContext.Default.ImportMetadata);
            return metadata is { MapId: var id, ImportId.Length: > 0 } && id != Guid.Empty ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
