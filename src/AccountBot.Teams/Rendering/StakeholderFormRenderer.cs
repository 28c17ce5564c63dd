using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The add/edit stakeholder form as an Adaptive Card: the short form's fields of <see cref="StakeholderFormSchema"/>, then
/// "More details" (<c>Action.ToggleVisibility</c>) over a container with every other field, each drawn as the input its
/// kind calls for, with its id as the input id, so each server-side error is drawn as a red line right under
/// its field; values come from <see cref="StakeholderFormView.Values"/>, so a rejected submission keeps what the user typed.
/// </summary>
public sealed class StakeholderFormRenderer
{
    /// <summary>People offered in the reports-to and related-to pickers (the picked ones are always kept).</summary>
    public const int DefaultMaxPeople = 150;

    /// <summary>The id of the container holding the fields behind "More details".</summary>
    public const string DetailsId = "stakeholderDetails";

    /// <param name="currentUser">Who opens the form: offered as "me" in the relationship-owner picker.</param>
    public AdaptiveCard Render(StakeholderFormView view, UserRef? currentUser, int maxPeople = DefaultMaxPeople)
    {
        ArgumentNullException.ThrowIfNull(view);
        var values = view.Values.ByField();
        var errors = view.Errors;
        var body = new List<CardElement> { Title(view.Title) };
        if (errors.TryGetValue(StakeholderFields.General, out var general))
            body.Add(Colored(general, TextColor.Attention));
        if (errors.Count > 0)
            body.Add(Colored(StakeholderFormSchema.FixFields, TextColor.Attention) with { Spacing = Spacing.None });

        var others = view.People.Where(p => p.Id != view.StakeholderId).ToList();
        var schema = StakeholderFormSchema.Schema;
        body.AddRange(Fields(schema.ShortFields, values, view, others, currentUser, maxPeople));

        // The other fields sit in the same card, hidden until "More details": their inputs are submitted with the rest,
        // so nothing stored is lost; shown at once when expanded or when one of them has an error to show.
        var details = Fields(schema.DetailFields, values, view, others, currentUser, maxPeople);
        var open = view.Expanded || schema.DetailFields.Any(f => errors.ContainsKey(f.Id));
        body.Add(new ActionSet([new ToggleVisibilityAction(StakeholderFormSchema.MoreDetails, [DetailsId]) { Id = DetailsId + "Toggle" }]));
        body.Add(Subtle(StakeholderFormSchema.MoreDetailsHint));
        body.Add(new Container(details) { Id = DetailsId, IsVisible = open ? null : false });

        var submit = new SubmitAction(StakeholderFormSchema.SubmitLabel(view.Mode))
        {
            Style = ActionStyle.Positive,
            Data = CardData.ForVerb(
                CardVerbs.SubmitStakeholder,
                new(CardVerbs.Keys.MapId, view.MapId.ToString("D", CultureInfo.InvariantCulture)),
                new(CardVerbs.Keys.StakeholderId, view.StakeholderId?.ToString("D", CultureInfo.InvariantCulture)),
                new(CardVerbs.Keys.SubmissionId, view.SubmissionId),
                new(CardVerbs.Keys.KnownOwnerId, view.Values.OwnerId),
                new(CardVerbs.Keys.KnownOwnerName, view.Values.OwnerName)),
        };
        return Card(body, view.Title, [submit]);
    }

    /// <summary>Each field's inputs, with its section heading, hint and the server's error under it.</summary>
    private static List<CardElement> Fields(
        IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string?> values, StakeholderFormView view, IReadOnlyList<PersonOption> others, UserRef? currentUser, int maxPeople)
    {
        var body = new List<CardElement>();
        string? section = null;
        foreach (var field in fields)
        {
            var inputs = Inputs(field, values.GetValueOrDefault(field.Id), view.Values, others, currentUser, maxPeople);
            // A part of the form whose first input has nothing to offer (nobody to relate to) is left out whole.
            if (field.Section is not null)
                section = inputs.Count > 0 ? null : field.Section;
            if (section is not null)
                continue;
            if (field.Section is not null)
                body.Add(Heading(field.Section));
            body.AddRange(inputs);
            if (inputs.Count > 0 && field.Hint is not null)
                body.Add(Subtle(field.Hint));
            // The server's message (it may quote what was typed) goes in a literal line, not in the
            // input's errorMessage: Teams reads that as markdown.
            if (inputs.Count > 0 && view.Errors.TryGetValue(field.Id, out var error))
                body.Add(Colored(error, TextColor.Attention) with { Id = field.Id + "Error", Spacing = Spacing.None });
        }

        return body;
    }

    /// <summary>The inputs for one field (none when a picker has nobody to offer: an empty choice set is not a valid card).</summary>
    private static List<CardElement> Inputs(
        FormField field, string? value, StakeholderFormValues values, IReadOnlyList<PersonOption> people, UserRef? currentUser, int maxPeople) => field.Kind switch
    {
        FieldKind.Text => [Text(field, value) with { IsMultiline = field.Multiline ? true : null }],
        FieldKind.Email => [Text(field, value) with { Style = TextInputStyle.Email }],
        FieldKind.Url => [Text(field, value) with { Style = TextInputStyle.Url }],
        FieldKind.NumberRange => [new NumberInput(field.Id)
        {
            Label = field.Label,
            Min = field.Min,
            Max = field.Max,
            Placeholder = field.Placeholder,
            Value = double.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null,
        }],
        FieldKind.Date => [new DateInput(field.Id) { Label = field.Label, Value = ParseDate(value) }],
        FieldKind.SingleChoice => [new ChoiceSetInput(field.Id, [.. field.Options.Select(o => new Choice(o.Label, o.Value))])
        {
            Label = field.Label,
            Style = ChoiceInputStyle.Compact,
            Value = field.Options.FirstOrDefault(o => string.Equals(o.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase))?.Value,
        }],
        FieldKind.MultiChoice => [new ChoiceSetInput(field.Id, [.. field.Options.Select(o => new Choice(o.Label, o.Value))])
        {
            Label = field.Label,
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Value = value,
        }],
        FieldKind.PersonOnMap => PersonPicker(field, value, people, maxPeople) is { } picker ? [picker] : [],
        _ => OwnerInputs(field, values, currentUser),
    };

    private static TextInput Text(FormField field, string? value) => new(field.Id)
    {
        Label = field.Label,
        Value = value,
        MaxLength = field.MaxLength,
        Placeholder = field.Placeholder,
        IsRequired = field.Required ? true : null,
        ErrorMessage = field.Required ? $"{field.Label} is required." : null,
    };

    private static ChoiceSetInput? PersonPicker(FormField field, string? value, IReadOnlyList<PersonOption> people, int maxPeople)
    {
        var offered = people.Take(maxPeople).ToList();
        if (Guid.TryParse(value, out var picked) && offered.All(p => p.Id != picked) && people.FirstOrDefault(p => p.Id == picked) is { } kept)
            offered.Add(kept);
        if (offered.Count == 0)
            return null;
        return new ChoiceSetInput(field.Id, [.. offered.Select(p => new Choice(p.Name, p.Id.ToString("D", CultureInfo.InvariantCulture)))])
        {
            Label = field.Label,
            Style = ChoiceInputStyle.Filtered,
            Placeholder = people.Count > offered.Count
                ? string.Create(CultureInfo.InvariantCulture, $"{StakeholderFormSchema.Nobody} (first {offered.Count} of {people.Count} people listed)")
                : StakeholderFormSchema.Nobody,
            Value = Guid.TryParse(value, out var selected) ? selected.ToString("D", CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>A chat user: a picker of the Teams users the card knows (me, the current owner), and a name to type for anyone else.</summary>
    private static List<CardElement> OwnerInputs(FormField field, StakeholderFormValues values, UserRef? currentUser)
    {
        var choices = new List<Choice>();
        if (currentUser is not null)
            choices.Add(new Choice($"{StakeholderFormSchema.MeLabelPrefix} ({currentUser.Name})", currentUser.Id));
        if (values.OwnerId is { Length: > 0 } ownerId && ownerId != currentUser?.Id && ownerId != values.OwnerName)
            choices.Add(new Choice(values.OwnerName ?? ownerId, ownerId));
        var typed = new TextInput(CardVerbs.Inputs.OwnerText)
        {
            Label = choices.Count > 0 ? StakeholderFormSchema.OwnerByName : field.Label,
            Placeholder = "Name",
            MaxLength = Limits.Name,
            Value = values.OwnerId is { Length: > 0 } id && id == values.OwnerName && !IsKnownChoice(id, values, currentUser) ? values.OwnerName : null,
        };
        if (choices.Count == 0)
            return [typed];
        return
        [
            new ChoiceSetInput(field.Id, choices)
            {
                Label = field.Label,
                Style = ChoiceInputStyle.Compact,
                Placeholder = field.Placeholder,
                Value = values.OwnerId is { Length: > 0 } owner && choices.Any(c => c.Value == owner) ? owner : null,
            },
            typed,
        ];
    }

    private static bool IsKnownChoice(string id, StakeholderFormValues values, UserRef? currentUser) =>
        id == currentUser?.Id || (id == values.OwnerId && id != values.OwnerName);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, StakeholderFormReader.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
