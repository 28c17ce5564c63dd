using AccountBot.Core.Accounts;

namespace AccountBot.Core.Views;

/// <summary>One person as the map card lists them; the engagement plan (what they care about, our plan) rides beside the next step.</summary>
public sealed record StakeholderLine(
    Guid Id,
    string Name,
    string? Title,
    Role Roles,
    GridQuadrant Quadrant,
    int Power,
    int Interest,
    Stance Stance,
    string? OwnerName,
    RelationshipStrength Strength,
    StakeholderStatus Status,
    string? NextStep,
    DateOnly? NextStepDue,
    string? ReportsToName)
{
    public string? CaresAbout { get; init; }

    public string? Plan { get; init; }
}
