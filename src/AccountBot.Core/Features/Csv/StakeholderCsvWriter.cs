using System.Globalization;
using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Core.Text;
using CsvHelper;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Writes a map's stakeholders as CSV: one row per person, every field, in the wording of
/// <see cref="StakeholderText"/> (roles joined with "; ", reports-to and owner by name, ISO dates).
/// UTF-8 with a byte-order mark and CRLF line ends, because Excel otherwise misreads accents.
/// Cells that a spreadsheet would run as a formula get a leading apostrophe (CsvHelper's injection
/// guard; the import removes it again).
/// </summary>
public static class StakeholderCsvWriter
{
    public const string FormulaGuard = "'";

    public static string FileName(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var slug = new StringBuilder();
        foreach (var c in map.Name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '&') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return (name.Length == 0 ? "account" : name) + "-stakeholders.csv";
    }

    public static byte[] Write(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var buffer = new MemoryStream();
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            InjectionEscape = FormulaGuard[0],
        };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([.. CsvColumns.Export.Select(c => c.Header)]);
            foreach (var person in map.Stakeholders.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id))
            {
                csv.WriteRecord([.. CsvColumns.Export.Select(c => Cell(person, map, c.Column))]);
            }
        }

        return buffer.ToArray();
    }

    private static string Cell(Stakeholder p, AccountMap map, CsvColumn column) => column switch
    {
        CsvColumn.Name => p.Name,
        CsvColumn.Title => p.Title ?? string.Empty,
        CsvColumn.Department => p.Department ?? string.Empty,
        CsvColumn.Email => p.Email ?? string.Empty,
        CsvColumn.ProfileUrl => p.ProfileUrl ?? string.Empty,
        CsvColumn.ReportsTo => p.ReportsToId is { } id ? map.FindById(id)?.Name ?? string.Empty : string.Empty,
        CsvColumn.Roles => string.Join("; ", Roles.Split(p.Roles).Select(Roles.DisplayName)),
        CsvColumn.Power => p.Power.ToString(CultureInfo.InvariantCulture),
        CsvColumn.Interest => p.Interest.ToString(CultureInfo.InvariantCulture),
        CsvColumn.Stance => StakeholderText.Display(p.Stance),
        CsvColumn.Raci => p.Raci == Raci.None ? string.Empty : p.Raci.ToString(),
        CsvColumn.Owner => p.RelationshipOwner?.Name ?? string.Empty,
        CsvColumn.Strength => StakeholderText.Display(p.Strength),
        CsvColumn.LastContacted => StakeholderText.Date(p.LastContacted) ?? string.Empty,
        CsvColumn.NextStep => p.NextStep ?? string.Empty,
        CsvColumn.NextStepDue => StakeholderText.Date(p.NextStepDue) ?? string.Empty,
        CsvColumn.Notes => p.Notes ?? string.Empty,
        CsvColumn.CaresAbout => p.CaresAbout ?? string.Empty,
        CsvColumn.Plan => p.Plan ?? string.Empty,
        CsvColumn.Status => StakeholderText.Display(p.Status),
        CsvColumn.Relationships => string.Join("; ", map.Relationships
            .Where(r => r.FromId == p.Id)
            .Select(r => r.Note is null
                ? Say.Format(Sentences.CsvRelationship, AccountMap.RelationshipText(r.Kind), map.FindById(r.ToId)?.Name)
                : Say.Format(Sentences.CsvRelationshipWithNote, AccountMap.RelationshipText(r.Kind), map.FindById(r.ToId)?.Name, r.Note))
            .Order(StringComparer.Ordinal)),
        _ => string.Empty,
    };
}
