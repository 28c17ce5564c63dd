namespace AccountBot.Core.Accounts;

/// <summary>
/// A person at the account. Immutable: edits produce a new value through <c>with</c> and are
/// applied to the map by <see cref="AccountMap"/>, which checks the rules and records history.
/// </summary>
public sealed record Stakeholder
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public string? ProfileUrl { get; init; }
    public Guid? ReportsToId { get; init; }
    public Role Roles { get; init; }

    /// <summary>Influence on the decision, 1–5.</summary>
    public int Power { get; init; } = 3;

    /// <summary>How much the decision matters to them, 1–5.</summary>
    public int Interest { get; init; } = 3;

    public Stance Stance { get; init; }
    public Raci Raci { get; init; }
    public UserRef? RelationshipOwner { get; init; }
    public RelationshipStrength Strength { get; init; }
    public DateOnly? LastContacted { get; init; }
    public string? NextStep { get; init; }
    public DateOnly? NextStepDue { get; init; }
    public string? Notes { get; init; }

    /// <summary>What this person cares about: their needs and pains (the engagement plan's first half).</summary>
    public string? CaresAbout { get; init; }

    /// <summary>Our plan for engaging them (the engagement plan's second half).</summary>
    public string? Plan { get; init; }
    public StakeholderStatus Status { get; init; }

    public bool IsActive => Status == StakeholderStatus.Active;

    public bool Has(Role role) => (Roles & role) == role && role != Role.None;
}
