using System.Collections.Concurrent;
using System.Globalization;
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
/// Its words come from the catalogue, so the schema is built once per UI culture.
/// </summary>
public static class StakeholderFormSchema
{
    private static readonly ConcurrentDictionary<CultureInfo, FormSchema> Schemas = new();

    public static FormSchema Schema => Schemas.GetOrAdd(CultureInfo.CurrentUICulture, _ => Build());

    /// <summary>The button of the short form that shows every other field, keeping what was typed.</summary>
    public static string MoreDetails => Sentences.FormMoreDetails;

    /// <summary>The add form's optional text of several people, one quick-add line each (Slack's add modal).</summary>
    public static string Several => Sentences.FormSeveral;

    public static string SeveralHint => Sentences.FormSeveralHint;

    /// <summary>The line beside <see cref="MoreDetails"/> saying what it reaches.</summary>
    public static string MoreDetailsHint => Sentences.FormMoreDetailsHint;

    /// <summary>What a person picker says when nothing is picked.</summary>
    public static string Nobody => Sentences.FormNobody;

    /// <summary>The owner field's second way in: someone who is not a chat user.</summary>
    public static string OwnerByName => Sentences.FormOwnerByName;

    public static string MeLabelPrefix => Sentences.FormMe;

    public static string FixFields => Sentences.FormFixFields;

    public static string SubmitLabel(FormMode mode) => mode == FormMode.Add ? Sentences.FormSubmitAdd : Sentences.FormSubmitSave;

    /// <summary>The line above the fields saying which map and person the form is about.</summary>
    public static string Lead(StakeholderFormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Mode == FormMode.Add ? Say.Format(Sentences.FormLeadAdd, form.MapName) : Say.Format(Sentences.FormLeadEdit, form.Values.Name, form.MapName);
    }

    private static FormSchema Build() => new(
    [
        new(F.Name, Sentences.FieldName, FieldKind.Text) { Short = true, Required = true, MaxLength = Limits.Name, Placeholder = Sentences.FormNamePlaceholder },
        new(F.Title, Sentences.FieldTitle, FieldKind.Text) { Short = true, MaxLength = Limits.Title, Placeholder = Sentences.FormTitlePlaceholder },
        new(F.Department, Sentences.FieldDepartment, FieldKind.Text) { MaxLength = Limits.Department },
        new(F.Email, Sentences.FormEmail, FieldKind.Email) { MaxLength = Limits.Email, Placeholder = Sentences.FormEmailPlaceholder },
        new(F.ProfileUrl, Sentences.FormProfileUrl, FieldKind.Url) { MaxLength = Limits.Url, Placeholder = "https://" },
        new(F.ReportsTo, Sentences.FormReportsTo, FieldKind.PersonOnMap),
        new(F.Roles, Sentences.FormRoles, FieldKind.MultiChoice)
        {
            Short = true,
            Options = [.. Roles.All.Select(r => new FormOption(r.ToString(), Roles.DisplayName(r), Roles.MeddiccHint(r)))],
            Hint = string.Join(" · ", Roles.All.Where(r => Roles.MeddiccHint(r) is not null).Select(r => $"{Roles.DisplayName(r)}: {Roles.MeddiccHint(r)}")),
        },
        Score(F.Power, Sentences.FormPower, Sentences.FormPowerHint) with { Short = true },
        Score(F.Interest, Sentences.FormInterest, Sentences.FormInterestHint) with { Short = true },
        Choice<Stance>(F.Stance, Sentences.FieldStance, StakeholderText.Display) with { Short = true },
        Choice<Raci>(F.Raci, Sentences.FieldRaci, r => r == Raci.None ? Sentences.FormRaciNotSet : r.ToString()),
        new(F.RelationshipOwner, Sentences.FormRelationshipOwner, FieldKind.ChatUser) { Placeholder = Sentences.FormRelationshipOwnerPlaceholder },
        Choice<RelationshipStrength>(F.Strength, Sentences.FieldStrength, StakeholderText.Display),
        new(F.LastContacted, Sentences.FieldLastContacted, FieldKind.Date),
        new(F.NextStep, Sentences.FieldNextStep, FieldKind.Text) { Short = true, MaxLength = Limits.NextStep, Placeholder = Sentences.FormNextStepPlaceholder },
        new(F.NextStepDue, Sentences.FormNextStepDue, FieldKind.Date) { Short = true },
        new(F.CaresAbout, Sentences.PlanCaresAboutLabel, FieldKind.Text) { MaxLength = Limits.CaresAbout, Multiline = true, Placeholder = Sentences.PlanCaresAboutPlaceholder },
        new(F.Plan, Sentences.PlanPlanLabel, FieldKind.Text) { MaxLength = Limits.Plan, Multiline = true, Placeholder = Sentences.PlanPlanPlaceholder },
        new(F.Notes, Sentences.FieldNotes, FieldKind.Text) { MaxLength = Limits.Notes, Multiline = true },
        Choice<StakeholderStatus>(F.Status, Sentences.FieldStatus, StakeholderText.Display),
        new(F.RelatedTo, Sentences.FieldRelatedTo, FieldKind.PersonOnMap) { Section = Sentences.FormRelationshipSection },
        Choice<RelationshipKind>(F.RelationshipKind, Sentences.FieldRelationship, k => k.ToString().ToLowerInvariant()) with
        {
            Hint = Sentences.FormRelationshipHint,
        },
        new(F.RelationshipNote, Sentences.FormRelationshipNote, FieldKind.Text) { MaxLength = Limits.RelationshipNote },
    ]);

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
