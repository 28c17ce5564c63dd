using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="Stakeholder"/>, embedded in its map.</summary>
public sealed class StakeholderDocument
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    public string? ProfileUrl { get; set; }
    public Guid? ReportsToId { get; set; }

    /// <summary>Flags as their names ("DecisionMaker, Signer"), so reordering the enum changes nothing.</summary>
    public Role Roles { get; set; }

    public int Power { get; set; }
    public int Interest { get; set; }
    public Stance Stance { get; set; }
    public Raci Raci { get; set; }
    public UserRefDocument? RelationshipOwner { get; set; }
    public RelationshipStrength Strength { get; set; }

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    public string? LastContacted { get; set; }

    public string? NextStep { get; set; }

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    public string? NextStepDue { get; set; }

    public string? Notes { get; set; }
    public string? CaresAbout { get; set; }
    public string? Plan { get; set; }
    public StakeholderStatus Status { get; set; }

    public static StakeholderDocument From(Stakeholder person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new()
        {
            Id = person.Id,
            Name = person.Name,
            Title = person.Title,
            Department = person.Department,
            Email = person.Email,
            ProfileUrl = person.ProfileUrl,
            ReportsToId = person.ReportsToId,
            Roles = person.Roles,
            Power = person.Power,
            Interest = person.Interest,
            Stance = person.Stance,
            Raci = person.Raci,
            RelationshipOwner = person.RelationshipOwner is { } owner ? UserRefDocument.From(owner) : null,
            Strength = person.Strength,
            LastContacted = StoredDates.ToStored(person.LastContacted),
            NextStep = person.NextStep,
            NextStepDue = StoredDates.ToStored(person.NextStepDue),
            Notes = person.Notes,
            CaresAbout = person.CaresAbout,
            Plan = person.Plan,
            Status = person.Status,
        };
    }

    public Stakeholder ToDomain() => new()
    {
        Id = Id,
        Name = Name,
        Title = Title,
        Department = Department,
        Email = Email,
        ProfileUrl = ProfileUrl,
        ReportsToId = ReportsToId,
        Roles = Roles,
        Power = Power,
        Interest = Interest,
        Stance = Stance,
        Raci = Raci,
        RelationshipOwner = RelationshipOwner?.ToDomain(),
        Strength = Strength,
        LastContacted = StoredDates.DateFromStored(LastContacted),
        NextStep = NextStep,
        NextStepDue = StoredDates.DateFromStored(NextStepDue),
        Notes = Notes,
        CaresAbout = CaresAbout,
        Plan = Plan,
        Status = Status,
    };
}
