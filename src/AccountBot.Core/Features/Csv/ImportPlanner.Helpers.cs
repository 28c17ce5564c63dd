using AccountBot.Core.Accounts;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>The import planner's small readings: rule failures as row errors, sameness, summaries.</summary>
public static partial class ImportPlanner
{
    private static MapWrite? Try(Func<MapWrite> change, Draft draft, List<ImportLine> errors)
    {
        try
        {
            return change();
        }
        catch (DomainRuleException rule)
        {
            errors.Add(new ImportLine(draft.Row.Line, draft.Person.Name, string.Join(" ", rule.Errors.Select(e => e.Message))));
            return null;
        }
    }

    private static bool Same(Stakeholder before, Stakeholder after, AccountMap map) =>
        before.ReportsToId == after.ReportsToId
        && before.RelationshipOwner?.Id == after.RelationshipOwner?.Id
        && StakeholderText.Fields.All(f => string.Equals(Normal(f.Read(before, map)), Normal(f.Read(after, map)), StringComparison.Ordinal));

    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");

    private static string Summary(Stakeholder person)
    {
        var parts = new List<string>();
        if (person.Title is { Length: > 0 } title)
        {
            parts.Add(title);
        }

        if (person.Roles != Role.None)
        {
            parts.Add(Roles.Describe(person.Roles).ToLowerInvariant());
        }

        return string.Join(", ", parts);
    }
}
