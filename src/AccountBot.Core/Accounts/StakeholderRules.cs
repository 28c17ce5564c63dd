using System.Text.RegularExpressions;
using AccountBot.Core.Text;

namespace AccountBot.Core.Accounts;

/// <summary>The rules a stakeholder must satisfy on its own and within its map.</summary>
public static partial class StakeholderRules
{
    public static IReadOnlyList<ValidationError> Validate(Stakeholder person, AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(map);
        var errors = new List<ValidationError>();

        if (string.IsNullOrWhiteSpace(person.Name))
        {
            errors.Add(new(StakeholderFields.Name, Sentences.RulesNameRequired));
        }
        else
        {
            CheckLength(errors, StakeholderFields.Name, Sentences.FieldName, person.Name, Limits.Name);
            var key = NameKey.Normalize(person.Name);
            var twin = map.Stakeholders.FirstOrDefault(s => s.Id != person.Id && NameKey.Normalize(s.Name) == key);
            if (twin is not null)
            {
                errors.Add(new(StakeholderFields.Name, Say.Format(Sentences.RulesNameTaken, twin.Name)));
            }
        }

        CheckLength(errors, StakeholderFields.Title, Sentences.FieldTitle, person.Title, Limits.Title);
        CheckLength(errors, StakeholderFields.Department, Sentences.FieldDepartment, person.Department, Limits.Department);
        CheckLength(errors, StakeholderFields.NextStep, Sentences.FieldNextStep, person.NextStep, Limits.NextStep);
        CheckLength(errors, StakeholderFields.Notes, Sentences.FieldNotes, person.Notes, Limits.Notes);
        CheckLength(errors, StakeholderFields.CaresAbout, Sentences.PlanCaresAboutLabel, person.CaresAbout, Limits.CaresAbout);
        CheckLength(errors, StakeholderFields.Plan, Sentences.PlanPlanLabel, person.Plan, Limits.Plan);

        if (!string.IsNullOrEmpty(person.Email) && !IsEmail(person.Email))
        {
            errors.Add(new(StakeholderFields.Email, Sentences.RulesEmail));
        }

        if (!string.IsNullOrEmpty(person.ProfileUrl) && !IsWebUrl(person.ProfileUrl))
        {
            errors.Add(new(StakeholderFields.ProfileUrl, Sentences.RulesProfileUrl));
        }

        CheckScore(errors, StakeholderFields.Power, Sentences.FieldPower, person.Power);
        CheckScore(errors, StakeholderFields.Interest, Sentences.FieldInterest, person.Interest);

        if (person.NextStepDue is not null && string.IsNullOrWhiteSpace(person.NextStep))
        {
            errors.Add(new(StakeholderFields.NextStep, Sentences.RulesDueWithoutStep));
        }

        CheckReportsTo(errors, person, map);
        return errors;
    }

    public static bool IsEmail(string value) =>
        value.Length <= Limits.Email && EmailPattern().IsMatch(value);

    public static bool IsWebUrl(string value) =>
        value.Length <= Limits.Url
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    internal static void CheckLength(List<ValidationError> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, Say.Format(Sentences.RulesTooLong, label, max, value.Length)));
        }
    }

    private static void CheckScore(List<ValidationError> errors, string field, string label, int value)
    {
        if (value is < Limits.MinScore or > Limits.MaxScore)
        {
            errors.Add(new(field, Say.Format(Sentences.RulesScoreRange, label, Limits.MinScore, Limits.MaxScore)));
        }
    }

    private static void CheckReportsTo(List<ValidationError> errors, Stakeholder person, AccountMap map)
    {
        if (person.ReportsToId is not { } managerId)
        {
            return;
        }

        if (managerId == person.Id)
        {
            errors.Add(new(StakeholderFields.ReportsTo, Sentences.RulesReportsToSelf));
            return;
        }

        if (map.FindById(managerId) is null)
        {
            errors.Add(new(StakeholderFields.ReportsTo, Sentences.RulesReportsToOutside));
            return;
        }

        // Walk up from the proposed manager; reaching this person again would close a loop.
        var seen = new HashSet<Guid> { person.Id };
        Guid? current = managerId;
        while (current is { } id)
        {
            if (!seen.Add(id))
            {
                var manager = map.FindById(managerId)!;
                errors.Add(new(StakeholderFields.ReportsTo, Say.Format(Sentences.RulesReportingLoop, person.Name, manager.Name)));
                return;
            }

            current = map.FindById(id)?.ReportsToId;
        }
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
