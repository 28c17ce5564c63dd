using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// Reads a submitted stakeholder modal (block id = action id = field id) into the core's neutral field values, by
/// each field's kind; the core reads those (<see cref="StakeholderFormReader.FromFields"/>).
/// </summary>
public static class StakeholderFormState
{
    public static StakeholderFormValues Read(SlackViewState state, FormMetadata metadata, string requesterId, string requesterName)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(metadata);
        var values = StakeholderFormSchema.Schema.Fields.ToDictionary(f => f.Id, f => Value(state, f));
        var opened = metadata.OwnerId is { } ownerId ? new UserRef(ownerId, metadata.OwnerName ?? ownerId) : null;
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
