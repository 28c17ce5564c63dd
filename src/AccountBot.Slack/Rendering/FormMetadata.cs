using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The stakeholder modal's <c>private_metadata</c>: which map and person it edits, the submission id (so the same
/// submission changes the map once), the channel to announce the change in, the owner it was opened with, and whether
/// the modal shows only the short form (its submission then has no values for the other fields, which must be kept).
/// Only ever looked up inside the requester's own workspace.
/// </summary>
public sealed record FormMetadata(
    [property: JsonPropertyName("m")] Guid MapId,
    [property: JsonPropertyName("s")] Guid? StakeholderId,
    [property: JsonPropertyName("k")] string SubmissionId,
    [property: JsonPropertyName("c")] string? ChannelId,
    [property: JsonPropertyName("o")] string? OwnerId = null,
    [property: JsonPropertyName("on")] string? OwnerName = null,
    [property: JsonPropertyName("sh")] bool ShortForm = false,
    [property: JsonPropertyName("l")] string? Link = null)
{
    private const int MaxOwnerName = 200;

    public string Encode()
    {
        var trimmed = this with { OwnerName = OwnerName is { Length: > MaxOwnerName } ? OwnerName[..MaxOwnerName] : OwnerName };
        return JsonSerializer.Serialize(trimmed, SlackJsonContext.Default.FormMetadata);
    }

    /// <summary>Null when the metadata is missing or not ours (never throws on forged input).</summary>
    public static FormMetadata? TryDecode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var metadata = JsonSerializer.Deserialize(text, SlackJsonContext.Default.FormMetadata);
            return metadata is { MapId: var id, SubmissionId.Length: > 0 } && id != Guid.Empty ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
