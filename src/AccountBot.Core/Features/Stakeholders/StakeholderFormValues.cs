using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary>
/// The stakeholder form's fields as text, exactly as a form sends them (and as it shows them again
/// when a submission is rejected, so nothing the user typed is lost). Roles are enum names joined
/// by commas; dates are <c>yyyy-MM-dd</c>; ids are GUIDs.
/// </summary>
public sealed record StakeholderFormValues
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public string? ProfileUrl { get; init; }
    public string? ReportsToId { get; init; }
    public string? Roles { get; init; }
    public string? Power { get; init; }
    public string? Interest { get; init; }
    public string? Stance { get; init; }
    public string? Raci { get; init; }
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public string? Strength { get; init; }
    public string? LastContacted { get; init; }
    public string? NextStep { get; init; }
    public string? NextStepDue { get; init; }
    public string? Notes { get; init; }
    public string? CaresAbout { get; init; }
    public string? Plan { get; init; }
    public string? Status { get; init; }
    public string? RelatedToId { get; init; }
    public string? RelationshipKind { get; init; }
    public string? RelationshipNote { get; init; }

    /// <summary>The values by field id (<see cref="StakeholderFormSchema"/>), for a form to show; the owner field holds the owner's id.</summary>
    public IReadOnlyDictionary<string, string?> ByField() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [StakeholderFields.Name] = Name,
        [StakeholderFields.Title] = Title,
        [StakeholderFields.Department] = Department,
        [StakeholderFields.Email] = Email,
        [StakeholderFields.ProfileUrl] = ProfileUrl,
        [StakeholderFields.ReportsTo] = ReportsToId,
        [StakeholderFields.Roles] = Roles,
        [StakeholderFields.Power] = Power,
        [StakeholderFields.Interest] = Interest,
        [StakeholderFields.Stance] = Stance,
        [StakeholderFields.Raci] = Raci,
        [StakeholderFields.RelationshipOwner] = OwnerId,
        [StakeholderFields.Strength] = Strength,
        [StakeholderFields.LastContacted] = LastContacted,
        [StakeholderFields.NextStep] = NextStep,
        [StakeholderFields.NextStepDue] = NextStepDue,
        [StakeholderFields.Notes] = Notes,
        [StakeholderFields.CaresAbout] = CaresAbout,
        [StakeholderFields.Plan] = Plan,
        [StakeholderFields.Status] = Status,
        [StakeholderFields.RelatedTo] = RelatedToId,
        [StakeholderFields.RelationshipKind] = RelationshipKind,
        [StakeholderFields.RelationshipNote] = RelationshipNote,
    };
}
