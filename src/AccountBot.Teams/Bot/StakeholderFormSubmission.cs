using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Teams.Rendering;

namespace AccountBot.Teams.Bot;

/// <summary>Reads the stakeholder form's inputs (ids = <see cref="StakeholderFields"/>) back into <see cref="StakeholderFormValues"/>.</summary>
public static class StakeholderFormSubmission
{
    /// <param name="submitter">Who pressed submit: the "me" choice of the owner picker is their id.</param>
    public static StakeholderFormValues ReadValues(CardActionData data, UserRef submitter)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(submitter);
        var (ownerId, ownerName) = Owner(data, submitter);
        return new StakeholderFormValues
        {
            Name = data.Raw(StakeholderFields.Name),
            Title = data.Raw(StakeholderFields.Title),
            Department = data.Raw(StakeholderFields.Department),
            Email = data.Raw(StakeholderFields.Email),
            ProfileUrl = data.Raw(StakeholderFields.ProfileUrl),
            ReportsToId = data.Get(StakeholderFields.ReportsTo),
            Roles = data.Get(StakeholderFields.Roles),
            Power = data.Get(StakeholderFields.Power),
            Interest = data.Get(StakeholderFields.Interest),
            Stance = data.Get(StakeholderFields.Stance),
            Raci = data.Get(StakeholderFields.Raci),
            OwnerId = ownerId,
            OwnerName = ownerName,
            Strength = data.Get(StakeholderFields.Strength),
            LastContacted = data.Get(StakeholderFields.LastContacted),
            NextStep = data.Raw(StakeholderFields.NextStep),
            NextStepDue = data.Get(StakeholderFields.NextStepDue),
            Notes = data.Raw(StakeholderFields.Notes),
            Status = data.Get(StakeholderFields.Status),
            RelatedToId = data.Get(StakeholderFields.RelatedTo),
            RelationshipKind = data.Get(StakeholderFields.RelationshipKind),
            RelationshipNote = data.Raw(StakeholderFields.RelationshipNote),
        };
    }

    private static (string? Id, string? Name) Owner(CardActionData data, UserRef submitter)
    {
        if (data.Get(StakeholderFields.RelationshipOwner) is { } picked)
        {
            if (picked == submitter.Id)
                return (picked, submitter.Name);
            if (picked == data.Get(CardVerbs.Keys.KnownOwnerId))
                return (picked, data.Get(CardVerbs.Keys.KnownOwnerName) ?? picked);
            return (picked, picked);
        }

        // Someone who is not a Teams user we know: the name is the id too.
        return data.Get(CardVerbs.Inputs.OwnerText) is { } typed ? (typed, typed) : (null, null);
    }
}
