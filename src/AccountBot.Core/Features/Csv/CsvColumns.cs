using System.Text;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// The export's header names and the header words an import accepts for each field: our own export,
/// and lead-list exports such as LinkedIn Sales Navigator ("First Name", "Last Name", "Title",
/// "LinkedIn URL"/"Profile URL", "Email"). Headers compare case-, space- and punctuation-insensitively.
/// </summary>
public static class CsvColumns
{
    /// <summary>Our export's columns, in order, with their header text.</summary>
    public static IReadOnlyList<(CsvColumn Column, string Header)> Export { get; } =
    [
        (CsvColumn.Name, "Name"),
        (CsvColumn.Title, "Title"),
        (CsvColumn.Department, "Department"),
        (CsvColumn.Email, "Email"),
        (CsvColumn.ProfileUrl, "Profile URL"),
        (CsvColumn.ReportsTo, "Reports To"),
        (CsvColumn.Roles, "Roles"),
        (CsvColumn.Power, "Power"),
        (CsvColumn.Interest, "Interest"),
        (CsvColumn.Stance, "Stance"),
        (CsvColumn.Raci, "RACI"),
        (CsvColumn.Owner, "Relationship Owner"),
        (CsvColumn.Strength, "Relationship Strength"),
        (CsvColumn.LastContacted, "Last Contacted"),
        (CsvColumn.NextStep, "Next Step"),
        (CsvColumn.NextStepDue, "Next Step Due"),
        (CsvColumn.Notes, "Notes"),
        (CsvColumn.CaresAbout, "Needs"),
        (CsvColumn.Plan, "Plan"),
        (CsvColumn.Status, "Status"),
        (CsvColumn.Relationships, "Relationships"),
    ];

    private static readonly Dictionary<string, CsvColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["name"] = CsvColumn.Name,
        ["fullname"] = CsvColumn.Name,
        ["firstname"] = CsvColumn.FirstName,
        ["givenname"] = CsvColumn.FirstName,
        ["lastname"] = CsvColumn.LastName,
        ["surname"] = CsvColumn.LastName,
        ["familyname"] = CsvColumn.LastName,
        ["title"] = CsvColumn.Title,
        ["jobtitle"] = CsvColumn.Title,
        ["position"] = CsvColumn.Title,
        ["currenttitle"] = CsvColumn.Title,
        ["department"] = CsvColumn.Department,
        ["email"] = CsvColumn.Email,
        ["emailaddress"] = CsvColumn.Email,
        ["profileurl"] = CsvColumn.ProfileUrl,
        ["profile"] = CsvColumn.ProfileUrl,
        ["linkedinurl"] = CsvColumn.ProfileUrl,
        ["linkedin"] = CsvColumn.ProfileUrl,
        ["linkedinprofileurl"] = CsvColumn.ProfileUrl,
        ["reportsto"] = CsvColumn.ReportsTo,
        ["manager"] = CsvColumn.ReportsTo,
        ["roles"] = CsvColumn.Roles,
        ["role"] = CsvColumn.Roles,
        ["power"] = CsvColumn.Power,
        ["interest"] = CsvColumn.Interest,
        ["stance"] = CsvColumn.Stance,
        ["raci"] = CsvColumn.Raci,
        ["relationshipowner"] = CsvColumn.Owner,
        ["owner"] = CsvColumn.Owner,
        ["relationshipstrength"] = CsvColumn.Strength,
        ["strength"] = CsvColumn.Strength,
        ["lastcontacted"] = CsvColumn.LastContacted,
        ["nextstep"] = CsvColumn.NextStep,
        ["nextstepdue"] = CsvColumn.NextStepDue,
        ["notes"] = CsvColumn.Notes,
        ["needs"] = CsvColumn.CaresAbout,
        ["caresabout"] = CsvColumn.CaresAbout,
        ["pains"] = CsvColumn.CaresAbout,
        ["plan"] = CsvColumn.Plan,
        ["engagementplan"] = CsvColumn.Plan,
        ["status"] = CsvColumn.Status,
        ["relationships"] = CsvColumn.Relationships,
        ["company"] = CsvColumn.Company,
        ["companyname"] = CsvColumn.Company,
        ["currentcompany"] = CsvColumn.Company,
    };

    /// <summary>The field a header names, or null for a column the import ignores (e.g. "Company").</summary>
    public static CsvColumn? Match(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var key = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return Aliases.TryGetValue(key.ToString(), out var column) ? column : null;
    }
}
