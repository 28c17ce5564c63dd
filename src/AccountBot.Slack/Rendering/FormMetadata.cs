using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The stakeholder modal's <c>private_metadata</c>: which map and person it edits, the submission id (so the same
/// submission changes the map once), the channel to announce the change in, the owner it was opened with, and whether
/// the modal shows only the short form (its submission then has no values for the other fields, which must be kept).
/// Only ever looked up inside the requester's own workspace. It reads the modal's submitted fields too
/// (<see cref="Values"/>), since what they mean depends on it (the owner the form was opened with).
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

    /// <summary>
    /// The submitted modal's fields (block id = action id = field id) as the core's neutral values, read by each
    /// field's kind; the core reads those (<see cref="StakeholderFormReader.FromFields"/>).
    /// </summary>
    public StakeholderFormValues Values(SlackViewState state, string requesterId, string requesterName)
    {
        ArgumentNullException.ThrowIfNull(state);
        var values = StakeholderFormSchema.Schema.Fields.ToDictionary(f => f.Id, f => Value(state, f));
        var opened = OwnerId is { } ownerId ? new UserRef(ownerId, OwnerName ?? ownerId) : null;
        return StakeholderFormReader.FromFields(new FormFields(values), new UserRef(requesterId, requesterName), opened);
    }

    private static string? Value(SlackViewState state, FormField field) => field.Kind switch
    {
        FieldKind.Text or FieldKind.Email or FieldKind.Url => state.GetText(field.Id, field.Id),
        FieldKind.Date => state.GetDate(field.Id, field.Id)?.ToString(StakeholderFormReader.DateFormat, CultureInfo.InvariantCulture),
        FieldKind.MultiChoice => string.Join(",", state.GetSelectedOptions(field.Id, field.Id).Select(o => o.Value)),
        FieldKind.ChatUser => state.GetSelectedUser(field.Id, field.Id),
        _ => state.GetSelectedOption(field.Id, field.Id)?.Value,
    };
}
