using System.Globalization;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The CSV import modals. The paste form's block and action ids are <see cref="ImportFormView.AccountField"/> and
/// <see cref="ImportFormView.CsvField"/>, so the core's error comes back as <c>response_action: errors</c> under its
/// field; its <c>private_metadata</c> is the channel. The preview replaces it (<c>response_action: update</c>); its
/// <c>private_metadata</c> (<see cref="ImportMetadata"/>) carries what its Import button applies.
/// </summary>
public sealed class ImportModalRenderer
{
    /// <summary>Lines listed per section of the preview before "…and N more" (keeps the modal far under 100 blocks).</summary>
    public const int MaxLinesPerList = 40;

    public const string CsvHint =
        "Slack takes at most 3,000 characters per paste (about 20–30 people). For a bigger file, import it in several parts, or paste it in Teams.";

    public ModalView Form(ImportFormView form, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var csv = form.CsvText is { Length: > 0 } text ? (text.Length > SlackLimits.InputMaxLength ? text[..SlackLimits.InputMaxLength] : text) : null;
        var blocks = new List<Block>
        {
            Context("Paste CSV text whose first line names the columns (as in `/map Acme export`). You will see what would change before anything is saved."),
            new InputBlock("Account", new PlainTextInputElement(ImportFormView.AccountField)
            {
                InitialValue = form.Account is { Length: > 0 } account ? account : null,
                MaxLength = 200,
                Placeholder = new PlainText("Acme Corp"),
            }) { BlockId = ImportFormView.AccountField },
            new InputBlock("CSV", new PlainTextInputElement(ImportFormView.CsvField)
            {
                InitialValue = csv,
                Multiline = true,
                MaxLength = Math.Min(form.MaxBytes, SlackLimits.InputMaxLength),
                Placeholder = new PlainText("Name,Title,Department,Email,…"),
            }) { BlockId = ImportFormView.CsvField, Hint = new PlainText(CsvHint) },
        };
        return new ModalView(SlackBotIds.ImportForm, new PlainText("Import CSV"), blocks, "Preview", "Cancel")
        {
            PrivateMetadata = channelId,
        };
    }

    /// <summary>The rejected form's error keyed by block id for <c>response_action: errors</c> (unknown fields go under the CSV).</summary>
    public static IReadOnlyDictionary<string, string> ErrorsByBlock(ImportFormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var block = form.ErrorField == ImportFormView.AccountField ? ImportFormView.AccountField : ImportFormView.CsvField;
        return new Dictionary<string, string>(StringComparer.Ordinal) { [block] = form.Error ?? "Please check this field." };
    }

    public ModalView Preview(ImportPreviewView view, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var blocks = new List<Block>
        {
            Section(string.Create(
                CultureInfo.InvariantCulture,
                $"Importing into *{Escape(view.MapName)}*: *{view.ToAdd.Count}* to add · *{view.ToUpdate.Count}* to update · {view.Unchanged} unchanged · {view.Errors.Count} with errors.")),
        };
        AddList(blocks, "To add", view.ToAdd);
        AddList(blocks, "To update", view.ToUpdate);
        AddList(blocks, JobChangeText.LeavingHeading, view.Leaving);
        AddList(blocks, JobChangeText.PossibleHeading, view.Possible);
        AddList(blocks, "Errors (these rows are skipped)", view.Errors);
        if (view.IgnoredColumns.Count > 0)
        {
            var shown = view.IgnoredColumns.Take(MaxLinesPerList).Select(c => Escape(c.Length > 60 ? c[..59] + "…" : c)).ToList();
            var more = view.IgnoredColumns.Count - shown.Count;
            blocks.Add(Context("Ignored columns: " + string.Join(", ", shown) + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $" …and {more} more") : string.Empty)));
        }

        if (!view.CanApply)
            blocks.Add(Section("Nothing to import: every row matches the map already, or has an error."));
        else
            blocks.Add(Context("Nothing is saved until you press *Import*."));

        var metadata = new ImportMetadata(view.MapId, view.ImportId, channelId);
        return new ModalView(
            SlackBotIds.ImportPreview,
            new PlainText("Import preview"),
            blocks.Take(SlackLimits.BlocksPerModal),
            view.CanApply ? new PlainText("Import") : null,
            view.CanApply ? "Cancel" : "Close")
        {
            PrivateMetadata = metadata.Encode(),
        };
    }

    /// <summary>Shown in place of the preview when its Import cannot be done (e.g. the preview expired).</summary>
    public ModalView Notice(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new ModalView(SlackBotIds.ImportNotice, new PlainText("Import"), [Section(Escape(notice.Text))], close: "Close");
    }

    private static void AddList(List<Block> blocks, string heading, IReadOnlyList<ImportLine> lines)
    {
        if (lines.Count == 0)
            return;
        var shown = lines.Take(MaxLinesPerList)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"• Line {l.Line}: *{Escape(Short(l.Name, 80))}* · {Escape(Short(l.Detail, 200))}"))
            .ToList();
        if (lines.Count > shown.Count)
            shown.Add(string.Create(CultureInfo.InvariantCulture, $"…and {lines.Count - shown.Count} more"));
        blocks.Add(new DividerBlock());
        blocks.AddRange(Pack(shown, string.Create(CultureInfo.InvariantCulture, $"*{heading} ({lines.Count})*")).Select(Section));
    }

    private static string Short(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
