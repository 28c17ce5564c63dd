using System.Globalization;
using AccountBot.Core.Accounts;
using CsvHelper;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Writes a map's history as CSV for an audit: oldest first, one row per changed field (an entry without fields gets
/// one row), with the version, the time (ISO 8601, UTC), who (chat id and name) and the entry's summary. The same
/// encoding and formula guard as <see cref="StakeholderCsvWriter"/>.
/// </summary>
public static class HistoryCsvWriter
{
    public static IReadOnlyList<string> Headers { get; } = ["Version", "At (UTC)", "By Id", "By", "Summary", "Field", "Old", "New"];

    public static string FileName(AccountMap map) =>
        StakeholderCsvWriter.FileName(map).Replace("-stakeholders.csv", "-history.csv", StringComparison.Ordinal);

    public static byte[] Write(IEnumerable<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            InjectionEscape = StakeholderCsvWriter.FormulaGuard[0],
        };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([.. Headers]);
            foreach (var entry in entries.OrderBy(e => e.Version))
            {
                string[] head =
                [
                    entry.Version.ToString(CultureInfo.InvariantCulture),
                    entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    entry.By.Id,
                    entry.By.Name,
                    entry.Summary,
                ];
                if (entry.Fields.Count == 0)
                {
                    csv.WriteRecord([.. head, string.Empty, string.Empty, string.Empty]);
                }

                foreach (var field in entry.Fields)
                {
                    csv.WriteRecord([.. head, field.Field, field.Old ?? string.Empty, field.New ?? string.Empty]);
                }
            }
        }

        return buffer.ToArray();
    }
}
