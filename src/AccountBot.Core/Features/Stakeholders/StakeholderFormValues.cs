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
    public string? Status { get; init; }
    public string? RelatedToId { get; init; }
    public string? RelationshipKind { get; init; }
    public string? RelationshipNote { get; init; }
}
