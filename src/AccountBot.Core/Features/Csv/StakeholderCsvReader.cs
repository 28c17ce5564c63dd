using System.Globalization;
using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using CsvHelper;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Reads pasted CSV text (our export, or a lead list such as a Sales Navigator export) into rows of
/// fields. Only the shape is checked here; field values are read and validated by
/// <see cref="Stakeholders.StakeholderFormReader"/> and the map's rules when the import is planned.
/// </summary>
public static class StakeholderCsvReader
{
    /// <summary>Pasted text above this many UTF-8 bytes is refused whole.</summary>
    public const int MaxBytes = 1_000_000;

    /// <summary>At most this many data rows per import (a map holds at most as many people).</summary>
    // A file's rows (bounding the work of one preview), not a map's people: Limits:PeoplePerMap bounds those.
    public const int MaxRows = LimitsOptions.DefaultPeoplePerMap;

    public static CsvParseResult Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CsvParseResult.Fail(Sentences.CsvEmpty);
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            return CsvParseResult.Fail(string.Format(CultureInfo.InvariantCulture, Sentences.CsvTooBig, bytes / 1_000_000.0, MaxBytes / 1_000_000, MaxRows));
        }

        if (LooksBinary(text))
        {
            return CsvParseResult.Fail(Sentences.CsvBinary);
        }

        text = text.TrimStart('\uFEFF');
        var errors = new List<ImportLine>();
        var rows = new List<CsvRow>();
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MaxRecordSize = MaxBytes + 1024,
            OnMalformedRecord = bad => errors.Add(new ImportLine((int)bad.LineNumber, string.Empty, Describe(bad))),
        };

        using var csv = CsvReader.FromText(text, options);
        IReadOnlyList<string> header;
        try
        {
            header = csv.Headers;
        }
        catch (CsvFormatException)
        {
            return CsvParseResult.Fail(Sentences.CsvHeaderUnreadable);
        }

        var columns = new CsvColumn?[header.Count];
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var column = CsvColumns.Match(header[i]);
            var usable = column is { } c && c != CsvColumn.Relationships && Array.IndexOf(columns, column) < 0;
            columns[i] = usable ? column : null;
            if (!usable && !string.IsNullOrWhiteSpace(header[i]))
            {
                ignored.Add(header[i].Trim());
            }
        }

        if (!columns.Contains(CsvColumn.Name) && !columns.Contains(CsvColumn.FirstName) && !columns.Contains(CsvColumn.LastName))
        {
            var shown = string.Join(", ", header.Take(8).Select(h => $"\"{Shorten(h)}\""));
            return CsvParseResult.Fail(Say.Format(Sentences.CsvNoNameColumn, shown));
        }

        try
        {
            while (csv.Read())
            {
                if (rows.Count + errors.Count >= MaxRows)
                {
                    return CsvParseResult.Fail(Say.Format(Sentences.CsvTooManyRows, MaxRows));
                }

                var record = csv.Current;
                var cells = new Dictionary<CsvColumn, string>();
                for (var i = 0; i < record.FieldCount && i < columns.Length; i++)
                {
                    if (columns[i] is { } column)
                    {
                        cells[column] = Unguard((record.GetString(i) ?? string.Empty).Trim());
                    }
                }

                if (!cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    rows.Add(new CsvRow((int)csv.LineNumber, cells));
                }
            }
        }
        catch (CsvFormatException)
        {
            return CsvParseResult.Fail(Sentences.CsvBroken);
        }

        return new CsvParseResult(rows, [.. errors.OrderBy(e => e.Line)], ignored, null);
    }

    private static string Describe(CsvMalformedRecord bad) => bad.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => Sentences.CsvColumnCount,
        CsvMalformedReason.UnterminatedQuote => Sentences.CsvUnclosedQuote,
        _ => Sentences.CsvStrayQuote,
    };

    /// <summary>NUL or many control characters: a binary file pasted or uploaded as text.</summary>
    private static bool LooksBinary(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || c == '\uFFFD')
            {
                return true;
            }

            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t')
            {
                control++;
            }
        }

        return control > 0 && control * 100 > text.Length;
    }

    private static string Unguard(string value) =>
        value.Length > 1 && value.StartsWith(StakeholderCsvWriter.FormulaGuard, StringComparison.Ordinal) && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r'
            ? value[1..]
            : value;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
