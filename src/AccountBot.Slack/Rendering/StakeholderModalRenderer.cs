using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The add/edit stakeholder modal. Each input's block id and action id is its <see cref="StakeholderFields"/> name, so
/// the core's validation errors come back as <c>response_action: errors</c> next to their field. Reports-to and
/// related-to are <c>external_select</c>s served by <c>/slack/options</c> (a map can have more than 100 people);
/// the <c>private_metadata</c> carries map id, person id, submission id and the channel to announce in.
/// </summary>
public sealed class StakeholderModalRenderer
{
    public static readonly IReadOnlyList<string> BlockIds =
    [
        F.Name, F.Title, F.Department, F.Email, F.ProfileUrl, F.ReportsTo, F.Roles, F.Power, F.Interest, F.Stance, F.Raci,
        F.RelationshipOwner, F.Strength, F.LastContacted, F.NextStep, F.NextStepDue, F.Notes, F.Status, F.RelatedTo,
        F.RelationshipKind, F.RelationshipNote,
    ];

    public ModalView Render(StakeholderFormView form, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var v = form.Values;
        var names = form.People.ToDictionary(p => p.Id.ToString("N"), p => p.Name, StringComparer.OrdinalIgnoreCase);
        var blocks = new List<Block>
        {
            SlackMarkup.Context(form.Mode == FormMode.Add
                ? $"Adding a person to *{SlackMarkup.Escape(form.MapName)}*."
                : $"Editing *{SlackMarkup.Escape(v.Name)}* on *{SlackMarkup.Escape(form.MapName)}*."),
            Text(F.Name, "Name", v.Name, optional: false, max: Limits.Name, placeholder: "Jane Doe"),
            Text(F.Title, "Title", v.Title, max: Limits.Title, placeholder: "VP Engineering"),
            Text(F.Department, "Department", v.Department, max: Limits.Department),
            Text(F.Email, "E-mail", v.Email, max: Limits.Email, placeholder: "jane@example.com"),
            Text(F.ProfileUrl, "Profile URL", v.ProfileUrl, max: Limits.Url, placeholder: "https://www.linkedin.com/in/…"),
            Person(F.ReportsTo, "Reports to", v.ReportsToId, names),
            RolesInput(v.Roles),
            Select(F.Power, "Power (1–5)", Scores(), v.Power, "How much say they have over the decision."),
            Select(F.Interest, "Interest (1–5)", Scores(), v.Interest, "How much the outcome matters to them."),
            Select(F.Stance, "Stance", EnumOptions<Stance>(), v.Stance),
            Select(F.Raci, "RACI", EnumOptions<Raci>(), v.Raci),
            new InputBlock("Relationship owner", new UsersSelectElement(F.RelationshipOwner)
            {
                Placeholder = "Who on our side owns this relationship",
                InitialUser = SlackMarkup.IsSlackUserId(v.OwnerId) ? v.OwnerId : null,
            }) { BlockId = F.RelationshipOwner, Optional = true },
            Select(F.Strength, "Relationship strength", EnumOptions<RelationshipStrength>(), v.Strength),
            Date(F.LastContacted, "Last contacted", v.LastContacted),
            Text(F.NextStep, "Next step", v.NextStep, max: Limits.NextStep),
            Date(F.NextStepDue, "Next step due", v.NextStepDue),
            Text(F.Notes, "Notes", v.Notes, max: Limits.Notes, multiline: true),
            Select(F.Status, "Status", EnumOptions<StakeholderStatus>(), v.Status),
            Person(F.RelatedTo, "Related to", v.RelatedToId, names),
            Select(F.RelationshipKind, "Relationship", EnumOptions<RelationshipKind>(), v.RelationshipKind, "How this person relates to the one above."),
            Text(F.RelationshipNote, "Relationship note", v.RelationshipNote, max: Limits.RelationshipNote),
        };

        var metadata = new FormMetadata(form.MapId, form.StakeholderId, form.SubmissionId, channelId, v.OwnerId, v.OwnerName);
        return new ModalView(SlackBotIds.StakeholderForm, new PlainText(form.Title), blocks, "Save", "Cancel")
        {
            PrivateMetadata = metadata.Encode(),
        };
    }

    /// <summary>
    /// Errors keyed by block id for <c>response_action: errors</c>: a field the modal has keeps its key; anything
    /// else (e.g. <c>general</c>) is shown on the name field.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ErrorsByBlock(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in errors)
        {
            var block = BlockIds.Contains(field) ? field : F.Name;
            result[block] = result.TryGetValue(block, out var earlier) ? earlier + " " + message : message;
        }

        return result;
    }

    private static InputBlock Text(string id, string label, string? initial, bool optional = true, int max = 3000, bool multiline = false, string? placeholder = null) =>
        new(label, new PlainTextInputElement(id)
        {
            InitialValue = string.IsNullOrEmpty(initial) ? null : initial.Length > max ? initial[..max] : initial,
            MaxLength = Math.Min(max, SlackLimits.InputMaxLength),
            Multiline = multiline ? true : null,
            Placeholder = placeholder is null ? null : new PlainText(placeholder),
        }) { BlockId = id, Optional = optional ? true : null };

    private static InputBlock Person(string id, string label, string? initialId, IReadOnlyDictionary<string, string> names)
    {
        Option? initial = null;
        if (Guid.TryParse(initialId, out var guid) && names.TryGetValue(guid.ToString("N"), out var name))
            initial = new Option(new PlainText(name), guid.ToString("N"));
        return new InputBlock(label, new ExternalSelectElement(id) { Placeholder = "Type a name", MinQueryLength = 0, InitialOption = initial })
        {
            BlockId = id,
            Optional = true,
        };
    }

    private static InputBlock RolesInput(string? initial)
    {
        var options = Roles.All.Select(r => new Option(new PlainText(Roles.DisplayName(r)), r.ToString())
        {
            Description = Roles.MeddiccHint(r) is { } hint ? new PlainText(hint) : null,
        }).ToList();
        var chosen = (initial ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => options.FirstOrDefault(o => string.Equals(o.Value, s, StringComparison.OrdinalIgnoreCase)))
            .OfType<Option>().Distinct().ToList();
        return new InputBlock("Roles", new MultiStaticSelectElement(F.Roles, options)
        {
            Placeholder = "Champion, Decision maker…",
            InitialOptions = chosen.Count == 0 ? null : chosen,
        })
        {
            BlockId = F.Roles,
            Optional = true,
            Hint = "MEDDICC: Economic buyer = Decision maker / Signer; Champion = Champion / Coach.",
        };
    }

    private static InputBlock Select(string id, string label, IReadOnlyList<Option> options, string? initial, string? hint = null) =>
        new(label, new StaticSelectElement(id, options)
        {
            InitialOption = options.FirstOrDefault(o => string.Equals(o.Value, initial?.Trim(), StringComparison.OrdinalIgnoreCase)),
        }) { BlockId = id, Optional = true, Hint = hint is null ? null : new PlainText(hint) };

    private static InputBlock Date(string id, string label, string? initial) =>
        new(label, new DatePickerElement(id)
        {
            InitialDate = DateOnly.TryParseExact(initial, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        }) { BlockId = id, Optional = true };

    private static Option[] Scores() =>
        [.. Enumerable.Range(Limits.MinScore, Limits.MaxScore - Limits.MinScore + 1).Select(i => new Option(new PlainText(i.ToString(CultureInfo.InvariantCulture)), i.ToString(CultureInfo.InvariantCulture)))];

    private static Option[] EnumOptions<T>()
        where T : struct, Enum =>
        [.. Enum.GetNames<T>().Select(n => new Option(new PlainText(Spaced(n)), n))];

    private static string Spaced(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
