using AccountBot.Core.Accounts;
using AccountBot.Core.Forms;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary>
/// The add/edit stakeholder form, described once: every field with its label, kind, options and limits. The Slack
/// modal and the Teams card draw these fields (each choosing its widget per <see cref="FieldKind"/>), and
/// <see cref="StakeholderFormReader.FromFields"/> reads a submission of them back. A form opens short (the fields
/// marked <see cref="FormField.Short"/>: what a rep knows right after a call); "More details" shows the rest.
/// </summary>
public static class StakeholderFormSchema
{
    public static FormSchema Schema { get; } = new(
    [
        new(F.Name, "Name", FieldKind.Text) { Short = true, Required = true, MaxLength = Limits.Name, Placeholder = "Jane Doe" },
        new(F.Title, "Title", FieldKind.Text) { Short = true, MaxLength = Limits.Title, Placeholder = "VP Finance" },
        new(F.Department, "Department", FieldKind.Text) { MaxLength = Limits.Department },
        new(F.Email, "E-mail", FieldKind.Email) { MaxLength = Limits.Email, Placeholder = "jane@acme.example" },
        new(F.ProfileUrl, "Profile URL (LinkedIn…)", FieldKind.Url) { MaxLength = Limits.Url, Placeholder = "https://" },
        new(F.ReportsTo, "Reports to", FieldKind.PersonOnMap),
        new(F.Roles, "Roles", FieldKind.MultiChoice)
        {
            Short = true,
            Options = [.. Roles.All.Select(r => new FormOption(r.ToString(), Roles.DisplayName(r), Roles.MeddiccHint(r)))],
            Hint = string.Join(" · ", Roles.All.Where(r => Roles.MeddiccHint(r) is not null).Select(r => $"{Roles.DisplayName(r)}: {Roles.MeddiccHint(r)}")),
        },
        Score(F.Power, "Power (1–5)", "How much say they have over the decision.") with { Short = true },
        Score(F.Interest, "Interest (1–5)", "How much the outcome matters to them.") with { Short = true },
        Choice<Stance>(F.Stance, "Stance", StakeholderText.Display) with { Short = true },
        Choice<Raci>(F.Raci, "RACI", r => r == Raci.None ? "not set" : r.ToString()),
        new(F.RelationshipOwner, "Relationship owner on our side", FieldKind.ChatUser) { Placeholder = "Nobody yet" },
        Choice<RelationshipStrength>(F.Strength, "Relationship strength", StakeholderText.Display),
        new(F.LastContacted, "Last contacted", FieldKind.Date),
        new(F.NextStep, "Next step", FieldKind.Text) { Short = true, MaxLength = Limits.NextStep, Placeholder = "Send the ROI model" },
        new(F.NextStepDue, "Next step due", FieldKind.Date) { Short = true },
        new(F.CaresAbout, Sentences.PlanCaresAboutLabel, FieldKind.Text) { MaxLength = Limits.CaresAbout, Multiline = true, Placeholder = Sentences.PlanCaresAboutPlaceholder },
        new(F.Plan, Sentences.PlanPlanLabel, FieldKind.Text) { MaxLength = Limits.Plan, Multiline = true, Placeholder = Sentences.PlanPlanPlaceholder },
        new(F.Notes, "Notes", FieldKind.Text) { MaxLength = Limits.Notes, Multiline = true },
        Choice<StakeholderStatus>(F.Status, "Status", StakeholderText.Display),
        new(F.RelatedTo, "Related to", FieldKind.PersonOnMap) { Section = "Relationship to another stakeholder" },
        Choice<RelationshipKind>(F.RelationshipKind, "Relationship", k => k.ToString().ToLowerInvariant()) with
        {
            Hint = "How this person relates to the one above.",
        },
        new(F.RelationshipNote, "Relationship note", FieldKind.Text) { MaxLength = Limits.RelationshipNote },
    ]);

    /// <summary>The button of the short form that shows every other field, keeping what was typed.</summary>
    public const string MoreDetails = "More details";

    /// <summary>The add form's optional text of several people, one quick-add line each (Slack's add modal).</summary>
    public static string Several => Sentences.FormSeveral;

    public static string SeveralHint => Sentences.FormSeveralHint;

    /// <summary>The line beside <see cref="MoreDetails"/> saying what it reaches.</summary>
    public const string MoreDetailsHint = "Department, e-mail, profile, reports-to, RACI, owner, strength, last contact, needs, plan, notes, status, relationships.";

    /// <summary>What a person picker says when nothing is picked.</summary>
    public const string Nobody = "Nobody";

    /// <summary>The owner field's second way in: someone who is not a chat user.</summary>
    public const string OwnerByName = "…or someone else on our side";

    public const string MeLabelPrefix = "Me";

    public const string FixFields = "Please fix the fields marked below.";

    public static string SubmitLabel(FormMode mode) => mode == FormMode.Add ? "Add stakeholder" : "Save changes";

    /// <summary>The line above the fields saying which map and person the form is about.</summary>
    public static string Lead(StakeholderFormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Mode == FormMode.Add ? $"Adding a person to {form.MapName}." : $"Editing {form.Values.Name} on {form.MapName}.";
    }

    private static FormField Score(string id, string label, string hint) => new(id, label, FieldKind.NumberRange)
    {
        Min = Limits.MinScore,
        Max = Limits.MaxScore,
        Placeholder = "3",
        Hint = hint,
    };

    private static FormField Choice<T>(string id, string label, Func<T, string> display)
        where T : struct, Enum =>
        new(id, label, FieldKind.SingleChoice)
        {
            Options = [.. Enum.GetValues<T>().Select(v => new FormOption(v.ToString(), Capitalise(display(v))))],
        };

    private static string Capitalise(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
