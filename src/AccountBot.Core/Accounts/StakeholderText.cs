using System.Globalization;

namespace AccountBot.Core.Accounts;

/// <summary>How each stakeholder field reads in history and exports: one place, one wording.</summary>
public static class StakeholderText
{
    public static IReadOnlyList<(string Field, Func<Stakeholder, AccountMap, string?> Read)> Fields { get; } =
    [
        ("name", (s, _) => s.Name),
        ("title", (s, _) => s.Title),
        ("department", (s, _) => s.Department),
        ("e-mail", (s, _) => s.Email),
        ("profile", (s, _) => s.ProfileUrl),
        ("reports to", (s, m) => s.ReportsToId is { } id ? m.FindById(id)?.Name : null),
        ("roles", (s, _) => s.Roles == Role.None ? null : Roles.Describe(s.Roles)),
        ("power", (s, _) => s.Power.ToString(CultureInfo.InvariantCulture)),
        ("interest", (s, _) => s.Interest.ToString(CultureInfo.InvariantCulture)),
        ("stance", (s, _) => Display(s.Stance)),
        ("RACI", (s, _) => s.Raci == Raci.None ? null : s.Raci.ToString()),
        ("owner", (s, _) => s.RelationshipOwner?.Name),
        ("strength", (s, _) => Display(s.Strength)),
        ("last contacted", (s, _) => Date(s.LastContacted)),
        ("next step", (s, _) => s.NextStep),
        ("next step due", (s, _) => Date(s.NextStepDue)),
        ("notes", (s, _) => s.Notes),
        ("needs", (s, _) => s.CaresAbout),
        ("plan", (s, _) => s.Plan),
        ("status", (s, _) => Display(s.Status)),
    ];

    public static string Display(Stance stance) => stance.ToString().ToLowerInvariant();

    public static string Display(RelationshipStrength strength) => strength.ToString().ToLowerInvariant();

    public static string Display(StakeholderStatus status) => status switch
    {
        StakeholderStatus.LeftCompany => Text.Sentences.StatusLeftCompany,
        StakeholderStatus.ChangedRole => Text.Sentences.StatusChangedRole,
        _ => Text.Sentences.StatusActive,
    };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
