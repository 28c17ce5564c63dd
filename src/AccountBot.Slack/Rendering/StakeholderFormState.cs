using System.Globalization;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Slack.Protocol;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Rendering;

/// <summary>Reads a submitted stakeholder modal's state back into the core's form values (block id = action id = field).</summary>
public static class StakeholderFormState
{
    public static StakeholderFormValues Read(SlackViewState state, FormMetadata metadata, string requesterId, string requesterName)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(metadata);
        string? Text(string id) => state.GetText(id, id);
        string? Selected(string id) => state.GetSelectedOption(id, id)?.Value;
        string? Date(string id) => state.GetDate(id, id)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var owner = state.GetSelectedUser(F.RelationshipOwner, F.RelationshipOwner);
        // users_select gives only an id: keep the name the form was opened with, or the requester's own name.
        var ownerName = owner is null ? null
            : owner == metadata.OwnerId ? metadata.OwnerName
            : owner == requesterId ? requesterName
            : null;
        return new StakeholderFormValues
        {
            Name = Text(F.Name),
            Title = Text(F.Title),
            Department = Text(F.Department),
            Email = Text(F.Email),
            ProfileUrl = Text(F.ProfileUrl),
            ReportsToId = Selected(F.ReportsTo),
            Roles = string.Join(",", state.GetSelectedOptions(F.Roles, F.Roles).Select(o => o.Value)),
            Power = Selected(F.Power),
            Interest = Selected(F.Interest),
            Stance = Selected(F.Stance),
            Raci = Selected(F.Raci),
            OwnerId = owner,
            OwnerName = ownerName,
            Strength = Selected(F.Strength),
            LastContacted = Date(F.LastContacted),
            NextStep = Text(F.NextStep),
            NextStepDue = Date(F.NextStepDue),
            Notes = Text(F.Notes),
            Status = Selected(F.Status),
            RelatedToId = Selected(F.RelatedTo),
            RelationshipKind = Selected(F.RelationshipKind),
            RelationshipNote = Text(F.RelationshipNote),
        };
    }
}
