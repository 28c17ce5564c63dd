using System.Globalization;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The CSV export and import cards. Export is a download link (Teams has no file upload for bots in
/// channels); import is a paste-in form whose submit comes back as <see cref="CardVerbs.PreviewImport"/>,
/// then a preview whose confirm button applies it (<see cref="CardVerbs.ApplyImport"/>). Both answers
/// replace the card they came from.
/// </summary>
public sealed class CsvCardRenderer
{
    /// <summary>Lines listed per section of a preview before "…and N more" (the size fit cuts further).</summary>
    public const int DefaultMaxLines = 50;

    /// <summary>
    /// Pasted text longer than this is not put back into a rejected form: it would not fit the 80 KB
    /// card. Teams accepts long inputs, so the box itself takes up to <see cref="ImportFormView.MaxBytes"/>.
    /// </summary>
    public const int MaxKeptText = 40 * 1024;

    public const string NoDownloadText =
        "The CSV is ready, but this AccountBot has no public address to serve files from, so there is no download link. Ask whoever runs it to set PublicBaseUrl, or use Slack, where the file is uploaded to the channel.";

    public AdaptiveCard Export(ExportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = $"{view.Subject}: {view.RowsText} exported";
        var body = new List<CardElement> { Title(title) };
        if (view.DownloadUrl is { } url)
        {
            body.Add(Subtle(string.Create(Culture, $"{view.FileName} · {Size(view.Content.Length)} · the link expires, so download it soon.")));
            return Card(body, title, [new OpenUrlAction("Download CSV", url)]);
        }

        body.Add(Colored(NoDownloadText, TextColor.Warning));
        return Card(body, title);
    }

    public AdaptiveCard ImportForm(ImportFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            Title("Import people from CSV"),
            Subtle("Paste the CSV below (the first line names the columns, as in an export). You will see what would change before anything is saved."),
        };

        void Add(CardInput input, string? hint = null)
        {
            // The server's message (it may quote pasted cells) goes in a literal line, not in the
            // input's errorMessage: Teams reads that as markdown.
            var error = view.ErrorField == input.Id ? view.Error : null;
            body.Add(input);
            if (hint is not null)
                body.Add(Subtle(hint));
            if (error is not null)
                body.Add(Colored(error, TextColor.Attention) with { Id = input.Id + "Error", Spacing = Spacing.None });
        }

        if (view.Error is { } general && view.ErrorField is not (ImportFormView.AccountField or ImportFormView.CsvField))
            body.Add(Colored(general, TextColor.Attention));

        Add(new TextInput(ImportFormView.AccountField)
        {
            Label = "Account",
            Value = view.Account,
            Placeholder = "Acme Corp",
            MaxLength = 200,
            IsRequired = true,
            ErrorMessage = "Say which account to import into.",
        });

        var kept = view.CsvText is { Length: <= MaxKeptText } text ? text : null;
        Add(
            new TextInput(ImportFormView.CsvField)
            {
                Label = "CSV",
                Value = kept,
                IsMultiline = true,
                MaxLength = view.MaxBytes,
                Placeholder = "Name,Title,Department,Email,…",
                IsRequired = true,
                ErrorMessage = "Paste the CSV text.",
            },
            string.Create(Culture, $"Up to {view.MaxRows} people ({view.MaxBytes / 1_000_000.0:0.#} MB).")
                + (view.CsvText is not null && kept is null ? " Your text was too long to show again here; paste it again." : string.Empty));

        var submit = new SubmitAction("Preview import")
        {
            Style = ActionStyle.Positive,
            Data = CardData.ForVerb(CardVerbs.PreviewImport),
        };
        return Card(body, "Import people from CSV", [submit]);
    }

    public AdaptiveCard ImportPreview(ImportPreviewView view, int maxLines = DefaultMaxLines)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = $"Import into {view.MapName}: preview";
        var body = new List<CardElement>
        {
            Title(title),
            Text(string.Create(
                Culture,
                $"{People(view.ToAdd.Count)} to add · {People(view.ToUpdate.Count)} to update · {view.Unchanged} unchanged · {view.Errors.Count} {(view.Errors.Count == 1 ? "row" : "rows")} with errors")),
        };

        Section(body, "To add", view.ToAdd, TextColor.Good, maxLines);
        Section(body, "To update", view.ToUpdate, TextColor.Accent, maxLines);
        Section(body, JobChangeText.LeavingHeading, view.Leaving, TextColor.Warning, maxLines);
        Section(body, JobChangeText.PossibleHeading, view.Possible, TextColor.Default, maxLines);
        Section(body, "Errors (these rows are skipped)", view.Errors, TextColor.Attention, maxLines);
        if (view.IgnoredColumns.Count > 0)
        {
            var shown = view.IgnoredColumns.Take(Math.Max(1, maxLines)).ToList();
            body.Add(Subtle("Ignored columns: " + string.Join(", ", shown.Select(c => Shorten(c, 60)))
                + (view.IgnoredColumns.Count > shown.Count ? " " + More(view.IgnoredColumns.Count - shown.Count) : string.Empty)) with { Spacing = Spacing.Medium });
        }

        var cancel = new SubmitAction("Cancel") { Data = CardData.ForVerb(CardVerbs.CancelImport) };
        if (!view.CanApply)
        {
            body.Add(Colored("Nothing to import: every row matches the map already, or has an error.", TextColor.Warning) with { Spacing = Spacing.Medium });
            return Card(body, title, [cancel]);
        }

        var confirm = new SubmitAction("Confirm import")
        {
            Style = ActionStyle.Positive,
            Data = CardData.ForVerb(
                CardVerbs.ApplyImport,
                new(CardVerbs.Keys.MapId, view.MapId.ToString("D", CultureInfo.InvariantCulture)),
                new(CardVerbs.Keys.ImportId, view.ImportId)),
        };
        return Card(body, title, [confirm, cancel]);
    }

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<ImportLine> lines, TextColor color, int maxLines)
    {
        if (lines.Count == 0)
            return;
        body.Add(Heading(string.Create(Culture, $"{heading} ({lines.Count})"), color));
        var shown = lines.Take(maxLines).ToList();
        foreach (var line in shown)
        {
            body.Add(Line(
                Plain(string.Create(Culture, $"Line {line.Line}: ")),
                Bold(Shorten(line.Name, 80)),
                Plain(" · " + Shorten(line.Detail, 200))) with { Spacing = Spacing.None });
        }

        if (lines.Count > shown.Count)
            body.Add(Subtle(More(lines.Count - shown.Count)));
    }

    private static string People(int count) => count == 1 ? "1 person" : string.Create(Culture, $"{count} people");

    private static string Size(int bytes) => bytes < 1024
        ? string.Create(Culture, $"{bytes} bytes")
        : string.Create(Culture, $"{bytes / 1024.0:0.#} KB");
}
