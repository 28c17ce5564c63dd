using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Teams.Rendering;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Reads the stakeholder form's inputs (ids = field ids) into the core's neutral field values; the core reads those
/// (<see cref="StakeholderFormReader.FromFields"/>).
/// </summary>
public static class StakeholderFormSubmission
{
    /// <param name="submitter">Who pressed submit: the "me" choice of the owner picker is their id.</param>
    public static StakeholderFormValues ReadValues(CardActionData data, UserRef submitter)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(submitter);
        var values = StakeholderFormSchema.Schema.Fields.ToDictionary(f => f.Id, f => data.Raw(f.Id));

        // The owner is picked, or typed when they are not a Teams user we know (the name is the id too).
        values[StakeholderFields.RelationshipOwner] = data.Get(StakeholderFields.RelationshipOwner) ?? data.Get(CardVerbs.Inputs.OwnerText);
        var opened = data.Get(CardVerbs.Keys.KnownOwnerId) is { } ownerId ? new UserRef(ownerId, data.Get(CardVerbs.Keys.KnownOwnerName) ?? ownerId) : null;
        var read = StakeholderFormReader.FromFields(new FormFields(values), submitter, opened);

        // Teams cannot look a name up from an id here: the id (or the typed name) is the name.
        return read with { OwnerName = read.OwnerName ?? read.OwnerId };
    }
}
