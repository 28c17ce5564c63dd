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
            errors.Add(new(StakeholderFields.Name, "Name is required."));
        }
        else
        {
            CheckLength(errors, StakeholderFields.Name, "Name", person.Name, Limits.Name);
            var key = NameKey.Normalize(person.Name);
            var twin = map.Stakeholders.FirstOrDefault(s => s.Id != person.Id && NameKey.Normalize(s.Name) == key);
            if (twin is not null)
            {
                errors.Add(new(StakeholderFields.Name, $"{twin.Name} is already on this map: edit them instead."));
            }
        }

        CheckLength(errors, StakeholderFields.Title, "Title", person.Title, Limits.Title);
        CheckLength(errors, StakeholderFields.Department, "Department", person.Department, Limits.Department);
        CheckLength(errors, StakeholderFields.NextStep, "Next step", person.NextStep, Limits.NextStep);
        CheckLength(errors, StakeholderFields.Notes, "Notes", person.Notes, Limits.Notes);
        CheckLength(errors, StakeholderFields.CaresAbout, Sentences.PlanCaresAboutLabel, person.CaresAbout, Limits.CaresAbout);
        CheckLength(errors, StakeholderFields.Plan, Sentences.PlanPlanLabel, person.Plan, Limits.Plan);

        if (!string.IsNullOrEmpty(person.Email) && !IsEmail(person.Email))
        {
            errors.Add(new(StakeholderFields.Email, "E-mail must look like name@example.com."));
        }

        if (!string.IsNullOrEmpty(person.ProfileUrl) && !IsWebUrl(person.ProfileUrl))
        {
            errors.Add(new(StakeholderFields.ProfileUrl, "Profile URL must be a full https:// or http:// address."));
        }

        CheckScore(errors, StakeholderFields.Power, "Power", person.Power);
        CheckScore(errors, StakeholderFields.Interest, "Interest", person.Interest);

        if (person.NextStepDue is not null && string.IsNullOrWhiteSpace(person.NextStep))
        {
            errors.Add(new(StakeholderFields.NextStep, "Say what the next step is when it has a due date."));
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
            errors.Add(new(field, $"{label} must be at most {max} characters (it has {value.Length})."));
        }
    }

    private static void CheckScore(List<ValidationError> errors, string field, string label, int value)
    {
        if (value is < Limits.MinScore or > Limits.MaxScore)
        {
            errors.Add(new(field, $"{label} must be between {Limits.MinScore} and {Limits.MaxScore}."));
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
            errors.Add(new(StakeholderFields.ReportsTo, "A person cannot report to themselves."));
            return;
        }

        if (map.FindById(managerId) is null)
        {
            errors.Add(new(StakeholderFields.ReportsTo, "Reports-to must be someone on this map."));
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
                errors.Add(new(StakeholderFields.ReportsTo, $"{person.Name} cannot report to {manager.Name}: that would make a reporting loop."));
                return;
            }

            current = map.FindById(id)?.ReportsToId;
        }
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
