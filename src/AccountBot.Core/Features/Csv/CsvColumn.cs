namespace AccountBot.Core.Features.Csv;

/// <summary>The stakeholder fields a CSV can carry (our export's columns plus first/last name from lead lists).</summary>
public enum CsvColumn
{
    Name,
    FirstName,
    LastName,
    Title,
    Department,
    Email,
    ProfileUrl,
    ReportsTo,
    Roles,
    Power,
    Interest,
    Stance,
    Raci,
    Owner,
    Strength,
    LastContacted,
    NextStep,
    NextStepDue,
    Notes,
    CaresAbout,
    Plan,
    Status,
    Relationships,

    /// <summary>The company a lead list shows the person at (not stored: it tells a job change).</summary>
    Company,
}
