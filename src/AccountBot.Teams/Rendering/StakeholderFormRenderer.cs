using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The add/edit stakeholder form with every field. Input ids are <see cref="StakeholderFields"/>, so
/// each server-side error is drawn as a red line right under its field; values come from
/// <see cref="StakeholderFormView.Values"/>, so a rejected submission keeps what the user typed.
/// </summary>
public sealed class StakeholderFormRenderer
{
    /// <summary>People offered in the reports-to and related-to pickers (the picked ones are always kept).</summary>
    public const int DefaultMaxPeople = 150;

    public const string MeLabelPrefix = "Me";

    /// <param name="currentUser">Who opens the form: offered as "me" in the relationship-owner picker.</param>
    public AdaptiveCard Render(StakeholderFormView view, UserRef? currentUser, int maxPeople = DefaultMaxPeople)
    {
        ArgumentNullException.ThrowIfNull(view);
        var values = view.Values;
        var errors = view.Errors;
        var body = new List<CardElement> { Title(view.Title) };
        if (errors.TryGetValue(StakeholderFields.General, out var general))
            body.Add(Colored(general, TextColor.Attention));
        if (errors.Count > 0)
            body.Add(Colored("Please fix the fields marked below.", TextColor.Attention) with { Spacing = Spacing.None });

        void Add(CardInput input, string? hint = null)
        {
            // The server's message (it may quote what was typed) goes in a literal line, not in the
            // input's errorMessage: Teams reads that as markdown.
            var error = errors.TryGetValue(input.Id!, out var message) ? message : null;
            body.Add(input);
            if (hint is not null)
                body.Add(Subtle(hint));
            if (error is not null)
                body.Add(Colored(error, TextColor.Attention) with { Id = input.Id + "Error", Spacing = Spacing.None });
        }

        TextInput Text(string id, string label, string? value, int maxLength, string? placeholder = null) => new(id)
        {
            Label = label,
            Value = value,
            MaxLength = maxLength,
            Placeholder = placeholder,
        };

        Add(Text(StakeholderFields.Name, "Name", values.Name, Limits.Name, "Jane Doe") with { IsRequired = true, ErrorMessage = "A name is required." });
        Add(Text(StakeholderFields.Title, "Title", values.Title, Limits.Title, "VP Finance"));
        Add(Text(StakeholderFields.Department, "Department", values.Department, Limits.Department));
        Add(Text(StakeholderFields.Email, "E-mail", values.Email, Limits.Email, "jane@acme.example") with { Style = TextInputStyle.Email });
        Add(Text(StakeholderFields.ProfileUrl, "Profile URL (LinkedIn…)", values.ProfileUrl, Limits.Url, "https://") with { Style = TextInputStyle.Url });

        var others = view.People.Where(p => p.Id != view.StakeholderId).ToList();
        // A choice set without choices is not a valid card (CollectionCantBeEmpty): with nobody else to
        // pick, the pickers are left out.
        if (PersonPicker(StakeholderFields.ReportsTo, "Reports to", values.ReportsToId, others, maxPeople) is { } reportsTo)
            Add(reportsTo);

        Add(
            new ChoiceSetInput(StakeholderFields.Roles, [.. Roles.All.Select(r => new Choice(Roles.DisplayName(r), r.ToString()))])
            {
                Label = "Roles",
                IsMultiSelect = true,
                Style = ChoiceInputStyle.Expanded,
                Value = values.Roles,
            },
            string.Join(" · ", Roles.All.Where(r => Roles.MeddiccHint(r) is not null).Select(r => $"{Roles.DisplayName(r)}: {Roles.MeddiccHint(r)}")));

        Add(Score(StakeholderFields.Power, "Power over the decision (1–5)", values.Power));
        Add(Score(StakeholderFields.Interest, "Interest in the decision (1–5)", values.Interest));
        Add(Choices<Stance>(StakeholderFields.Stance, "Stance", values.Stance, StakeholderText.Display));
        Add(Choices<Raci>(StakeholderFields.Raci, "RACI", values.Raci, r => r == Raci.None ? "not set" : r.ToString()));

        var owner = OwnerPicker(values, currentUser);
        if (owner.Choices.Count > 0)
            Add(owner);
        body.Add(new TextInput(CardVerbs.Inputs.OwnerText)
        {
            Label = owner.Choices.Count > 0 ? "…or someone else on our side" : owner.Label,
            Placeholder = "Name",
            MaxLength = Limits.Name,
            Value = values.OwnerId is { Length: > 0 } id && id == values.OwnerName && !IsKnownChoice(id, values, currentUser) ? values.OwnerName : null,
        });
        Add(Choices<RelationshipStrength>(StakeholderFields.Strength, "Relationship strength", values.Strength, StakeholderText.Display));
        Add(new DateInput(StakeholderFields.LastContacted) { Label = "Last contacted", Value = ParseDate(values.LastContacted) });
        Add(Text(StakeholderFields.NextStep, "Next step", values.NextStep, Limits.NextStep, "Send the ROI model"));
        Add(new DateInput(StakeholderFields.NextStepDue) { Label = "Next step due", Value = ParseDate(values.NextStepDue) });
        Add(Text(StakeholderFields.Notes, "Notes", values.Notes, Limits.Notes) with { IsMultiline = true });
        Add(Choices<StakeholderStatus>(StakeholderFields.Status, "Status", values.Status, StakeholderText.Display));

        if (PersonPicker(StakeholderFields.RelatedTo, "Related to", values.RelatedToId, others, maxPeople) is { } relatedTo)
        {
            body.Add(Heading("Relationship to another stakeholder"));
            Add(relatedTo);
            Add(Choices<RelationshipKind>(StakeholderFields.RelationshipKind, "Relationship", values.RelationshipKind, k => k.ToString().ToLowerInvariant()));
            Add(Text(StakeholderFields.RelationshipNote, "Relationship note", values.RelationshipNote, Limits.RelationshipNote));
        }

        var submit = new SubmitAction(view.Mode == FormMode.Add ? "Add stakeholder" : "Save changes")
        {
            Style = ActionStyle.Positive,
            Data = CardData.ForVerb(
                CardVerbs.SubmitStakeholder,
                new(CardVerbs.Keys.MapId, view.MapId.ToString("D", CultureInfo.InvariantCulture)),
                new(CardVerbs.Keys.StakeholderId, view.StakeholderId?.ToString("D", CultureInfo.InvariantCulture)),
                new(CardVerbs.Keys.SubmissionId, view.SubmissionId),
                new(CardVerbs.Keys.KnownOwnerId, values.OwnerId),
                new(CardVerbs.Keys.KnownOwnerName, values.OwnerName)),
        };
        return Card(body, view.Title, [submit]);
    }

    private static NumberInput Score(string id, string label, string? value) => new(id)
    {
        Label = label,
        Min = Limits.MinScore,
        Max = Limits.MaxScore,
        Placeholder = "3",
        Value = double.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null,
    };

    private static ChoiceSetInput Choices<T>(string id, string label, string? value, Func<T, string> display)
        where T : struct, Enum =>
        new(id, [.. Enum.GetValues<T>().Select(v => new Choice(Capitalise(display(v)), v.ToString()))])
        {
            Label = label,
            Style = ChoiceInputStyle.Compact,
            Value = Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed.ToString() : null,
        };

    /// <summary>Null when there is nobody to offer.</summary>
    private static ChoiceSetInput? PersonPicker(string id, string label, string? value, IReadOnlyList<PersonOption> people, int maxPeople)
    {
        var offered = people.Take(maxPeople).ToList();
        if (Guid.TryParse(value, out var picked) && offered.All(p => p.Id != picked) && people.FirstOrDefault(p => p.Id == picked) is { } kept)
            offered.Add(kept);
        if (offered.Count == 0)
            return null;
        return new ChoiceSetInput(id, [.. offered.Select(p => new Choice(p.Name, p.Id.ToString("D", CultureInfo.InvariantCulture)))])
        {
            Label = label,
            Style = ChoiceInputStyle.Filtered,
            Placeholder = people.Count > offered.Count
                ? string.Create(CultureInfo.InvariantCulture, $"Nobody (first {offered.Count} of {people.Count} people listed)")
                : "Nobody",
            Value = Guid.TryParse(value, out var selected) ? selected.ToString("D", CultureInfo.InvariantCulture) : null,
        };
    }

    private static ChoiceSetInput OwnerPicker(StakeholderFormValues values, UserRef? currentUser)
    {
        var choices = new List<Choice>();
        if (currentUser is not null)
            choices.Add(new Choice($"{MeLabelPrefix} ({currentUser.Name})", currentUser.Id));
        if (values.OwnerId is { Length: > 0 } ownerId && ownerId != currentUser?.Id && ownerId != values.OwnerName)
            choices.Add(new Choice(values.OwnerName ?? ownerId, ownerId));
        return new ChoiceSetInput(StakeholderFields.RelationshipOwner, choices)
        {
            Label = "Relationship owner on our side",
            Style = ChoiceInputStyle.Compact,
            Placeholder = "Nobody yet",
            Value = values.OwnerId is { Length: > 0 } owner && choices.Any(c => c.Value == owner) ? owner : null,
        };
    }

    private static bool IsKnownChoice(string id, StakeholderFormValues values, UserRef? currentUser) =>
        id == currentUser?.Id || (id == values.OwnerId && id != values.OwnerName);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Capitalise(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
