using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The add/edit stakeholder modal: the short form's fields of <see cref="StakeholderFormSchema"/> and a "More details"
/// button, or (expanded) every field, each as the Block Kit input its kind calls for. Each input's block id and action
/// id is its field id, so the core's validation errors come back as <c>response_action: errors</c> next to their field.
/// People on the map are <c>external_select</c>s served by <c>/slack/options</c> (a map can have more than 100 people);
/// the <c>private_metadata</c> carries map id, person id, submission id, the channel to announce in and whether the
/// modal is the short one. The add modal also has <see cref="SeveralBlockId"/>, several people one quick-add line each;
/// its name is then optional for Slack (the core still asks for it when no lines came).
/// </summary>
public sealed class StakeholderModalRenderer
{
    public static readonly IReadOnlyList<string> BlockIds = [.. StakeholderFormSchema.Schema.Fields.Select(f => f.Id)];

    /// <summary>The block ids of the short modal (before "More details").</summary>
    public static readonly IReadOnlyList<string> ShortBlockIds = [.. StakeholderFormSchema.Schema.ShortFields.Select(f => f.Id)];

    /// <summary>The add modal's multi-line input of several people (not a field of the schema: it never reaches the form reader).</summary>
    public const string SeveralBlockId = "several";

    public ModalView Render(StakeholderFormView form, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form.Values.ByField();
        var names = form.People.ToDictionary(p => p.Id.ToString("N"), p => p.Name, StringComparer.OrdinalIgnoreCase);
        var schema = StakeholderFormSchema.Schema;
        var blocks = new List<Block> { SlackMarkup.Context(SlackMarkup.Escape(StakeholderFormSchema.Lead(form))) };
        var add = form.Mode == FormMode.Add;
        // Slack refuses to submit an empty required input, so on add the name is optional for the lines alone.
        blocks.AddRange(schema.ShortFields.Select(f => Input(f, values.GetValueOrDefault(f.Id), names, optional: add && f.Id == F.Name)));
        if (add)
            blocks.Add(Several());

        if (form.Expanded)
        {
            blocks.Add(new HeaderBlock(new PlainText(StakeholderFormSchema.MoreDetails)));
            blocks.AddRange(schema.DetailFields.Select(f => Input(f, values.GetValueOrDefault(f.Id), names)));
        }
        else
        {
            // Not a command button: its block_actions updates this modal in place (views.update) with what was typed.
            blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.StakeholderMoreDetails, new PlainText(StakeholderFormSchema.MoreDetails))]) { BlockId = SlackBotIds.StakeholderMoreDetails });
            blocks.Add(SlackMarkup.Context(SlackMarkup.Escape(StakeholderFormSchema.MoreDetailsHint)));
        }

        var v = form.Values;
        var metadata = new FormMetadata(form.MapId, form.StakeholderId, form.SubmissionId, channelId, v.OwnerId, v.OwnerName, ShortForm: !form.Expanded);
        return new ModalView(SlackBotIds.StakeholderForm, new PlainText(form.Title), blocks, StakeholderFormSchema.SubmitLabel(form.Mode), "Cancel")
        {
            PrivateMetadata = metadata.Encode(),
        };
    }

    /// <summary>
    /// Errors keyed by block id for <c>response_action: errors</c>: a field the modal has keeps its key; anything
    /// else (e.g. <c>general</c>, or a field behind "More details" in the short modal) is shown on the name field.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ErrorsByBlock(IReadOnlyDictionary<string, string> errors, bool shortForm = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var shown = shortForm ? ShortBlockIds : BlockIds;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in errors)
        {
            var block = shown.Contains(field) ? field : F.Name;
            result[block] = result.TryGetValue(block, out var earlier) ? earlier + " " + message : message;
        }

        return result;
    }

    private static InputBlock Input(FormField field, string? value, IReadOnlyDictionary<string, string> names, bool optional = false)
    {
        ActionElement element = field.Kind switch
        {
            FieldKind.Text or FieldKind.Email or FieldKind.Url => Text(field, value),
            FieldKind.Date => new DatePickerElement(field.Id)
            {
                InitialDate = DateOnly.TryParseExact(value, StakeholderFormReader.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            },
            FieldKind.MultiChoice => Multi(field, value),
            FieldKind.PersonOnMap => Person(field, value, names),
            FieldKind.ChatUser => new UsersSelectElement(field.Id)
            {
                Placeholder = field.Placeholder is null ? null : new PlainText(field.Placeholder),
                InitialUser = SlackMarkup.IsSlackUserId(value) ? value : null,
            },
            _ => Select(field, value),
        };
        return new InputBlock(field.Label, element)
        {
            BlockId = field.Id,
            Optional = field.Required && !optional ? null : true,
            Hint = field.Hint is null ? null : new PlainText(field.Hint),
        };
    }

    private static InputBlock Several() => new(StakeholderFormSchema.Several, new PlainTextInputElement(SeveralBlockId)
    {
        Multiline = true,
        MaxLength = SlackLimits.InputMaxLength,
        Placeholder = new PlainText("Jane Doe, VP Finance, champion"),
    })
    {
        BlockId = SeveralBlockId,
        Optional = true,
        Hint = new PlainText(StakeholderFormSchema.SeveralHint),
    };

    private static PlainTextInputElement Text(FormField field, string? initial)
    {
        var max = field.MaxLength ?? SlackLimits.InputMaxLength;
        return new PlainTextInputElement(field.Id)
        {
            InitialValue = string.IsNullOrEmpty(initial) ? null : initial.Length > max ? initial[..max] : initial,
            MaxLength = Math.Min(max, SlackLimits.InputMaxLength),
            Multiline = field.Multiline ? true : null,
            Placeholder = field.Placeholder is null ? null : new PlainText(field.Placeholder),
        };
    }

    private static ExternalSelectElement Person(FormField field, string? initialId, IReadOnlyDictionary<string, string> names)
    {
        Option? initial = null;
        if (Guid.TryParse(initialId, out var guid) && names.TryGetValue(guid.ToString("N"), out var name))
            initial = new Option(new PlainText(name), guid.ToString("N"));
        return new ExternalSelectElement(field.Id) { Placeholder = MapCardText.TypeAName, MinQueryLength = 0, InitialOption = initial };
    }

    private static MultiStaticSelectElement Multi(FormField field, string? initial)
    {
        var options = field.Options.Select(o => new Option(new PlainText(o.Label), o.Value)
        {
            Description = o.Hint is null ? null : new PlainText(o.Hint),
        }).ToList();
        var chosen = (initial ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => options.FirstOrDefault(o => string.Equals(o.Value, s, StringComparison.OrdinalIgnoreCase)))
            .OfType<Option>().Distinct().ToList();
        return new MultiStaticSelectElement(field.Id, options) { InitialOptions = chosen.Count == 0 ? null : chosen };
    }

    /// <summary>A choice, or a whole number of a small range, as a static select.</summary>
    private static StaticSelectElement Select(FormField field, string? initial)
    {
        IReadOnlyList<Option> options = field.Kind == FieldKind.NumberRange
            ? [.. Enumerable.Range(field.Min ?? 0, (field.Max ?? 0) - (field.Min ?? 0) + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).Select(i => new Option(new PlainText(i), i))]
            : [.. field.Options.Select(o => new Option(new PlainText(o.Label), o.Value))];
        return new StaticSelectElement(field.Id, options)
        {
            InitialOption = options.FirstOrDefault(o => string.Equals(o.Value, initial?.Trim(), StringComparison.OrdinalIgnoreCase)),
        };
    }
}
