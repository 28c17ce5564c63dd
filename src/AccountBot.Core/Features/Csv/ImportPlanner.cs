using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Turns CSV rows into one change of a map. Each row is matched to a person on the map by e-mail,
/// then by name; its cells are read by <see cref="StakeholderFormReader"/> (the same parsing and
/// checks as the form) on top of the person's current values, so columns the file lacks keep what
/// the map has. The rows are then applied one by one to a working copy with the map's own rules,
/// so the preview reports exactly the rows the confirmation will apply. Pure: the same map and rows
/// give the same plan (apart from the ids of new people).
/// </summary>
public static partial class ImportPlanner
{
    /// <param name="map">The map as it is now.</param>
    /// <param name="rows">The file's rows.</param>
    /// <param name="stamp">Who imports, when.</param>
    /// <param name="peopleLimit">The configured <c>Limits:PeoplePerMap</c>: new people beyond it are rows that do not fit.</param>
    public static ImportPlan Plan(AccountMap map, IReadOnlyList<CsvRow> rows, Stamp stamp, int peopleLimit)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stamp);
        var errors = new List<ImportLine>();
        var moves = new List<JobChange>();
        var drafts = DraftRows(map, rows, stamp.By, errors, moves);
        var leaving = moves.Where(m => m.IsSure).ToDictionary(m => m.PersonId);
        var left = new List<ImportLine>();

        var working = map;
        var fields = new List<FieldChange>();
        var added = new List<ImportLine>();
        var updated = new List<ImportLine>();
        var unchanged = 0;

        // New people first, managers before their reports, so reports-to can name someone new.
        var pending = drafts.Where(d => d.Existing is null).ToList();
        var doesNotFit = string.Format(CultureInfo.InvariantCulture, Sentences.CsvDoesNotFit, peopleLimit, Math.Max(0, peopleLimit - map.Stakeholders.Count), pending.Count);
        var didNotFit = 0;
        bool progress;
        do
        {
            progress = false;
            foreach (var draft in pending.ToList())
            {
                if (draft.Person.ReportsToId is { } boss && working.FindById(boss) is null && pending.Any(p => p.Person.Id == boss))
                {
                    continue;
                }

                pending.Remove(draft);
                progress = true;
                if (working.Stakeholders.Count >= peopleLimit)
                {
                    errors.Add(new ImportLine(draft.Row.Line, draft.Person.Name, doesNotFit));
                    didNotFit++;
                    continue;
                }

                if (Try(() => working.AddStakeholder(draft.Person, stamp, peopleLimit), draft, errors) is { } change)
                {
                    working = change.Map;
                    fields.AddRange(change.History.Fields);
                    added.Add(new ImportLine(draft.Row.Line, draft.Person.Name, Summary(draft.Person) + draft.Note));
                }
            }
        }
        while (progress && pending.Count > 0);

        errors.AddRange(pending.Select(d => new ImportLine(d.Row.Line, d.Person.Name, Sentences.CsvReportsToUnresolved)));

        foreach (var draft in drafts.Where(d => d.Existing is not null))
        {
            if (Same(draft.Existing!, draft.Person, working))
            {
                unchanged++;
                continue;
            }

            if (Try(() => working.UpdateStakeholder(draft.Person, stamp), draft, errors) is { } change)
            {
                working = change.Map;
                fields.AddRange(change.History.Fields);
                if (leaving.TryGetValue(draft.Person.Id, out var move))
                {
                    left.Add(new ImportLine(draft.Row.Line, draft.Person.Name, JobChangeText.LeftDetail(move)));
                    continue;
                }

                var what = string.Join(", ", change.History.Fields.Select(f => f.Field[(f.Field.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
                updated.Add(new ImportLine(draft.Row.Line, draft.Person.Name, what + draft.Note));
            }
        }

        MapWrite? result = null;
        if (added.Count + updated.Count + left.Count > 0)
        {
            var summary = $"imported a CSV: added {added.Count}, updated {updated.Count}" + JobChangeText.LeftSummary(left.Count);
            if (added.Count + updated.Count + left.Count <= 5)
            {
                summary += $" ({string.Join(", ", added.Concat(updated).Concat(left).Select(l => l.Name))})";
            }

            result = MapWrite.Of(working, stamp, summary, fields);
        }

        return new ImportPlan(result, added, updated, unchanged, [.. errors.OrderBy(e => e.Line)], didNotFit)
        {
            Left = left,
            Possible = [.. moves.Where(m => !m.IsSure).Select(m => new ImportLine(m.Line, m.Name, JobChangeText.PossibleDetail(m)))],
            JobChanges = [.. moves.Where(m => m.IsSure && left.Any(l => l.Line == m.Line))],
        };
    }

    private static List<Draft> DraftRows(AccountMap map, IReadOnlyList<CsvRow> rows, UserRef importer, List<ImportLine> errors, List<JobChange> moves)
    {
        var drafts = new List<Draft>();
        var leaving = new List<Draft>();
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var claimed = new HashSet<Guid>();
        foreach (var row in rows)
        {
            var name = row[CsvColumn.Name] is { Length: > 0 } full ? full : $"{row[CsvColumn.FirstName]} {row[CsvColumn.LastName]}".Trim();
            if (name.Length == 0)
            {
                errors.Add(new ImportLine(row.Line, string.Empty, Sentences.CsvNameEmpty));
                continue;
            }

            var key = NameKey.Normalize(name);
            var email = row[CsvColumn.Email] is { Length: > 0 } e ? e : null;
            if (seenNames.TryGetValue(key, out var first) || (email is not null && seenEmails.TryGetValue(email, out first)))
            {
                errors.Add(new ImportLine(row.Line, name, Say.Format(Sentences.CsvSamePerson, first)));
                continue;
            }

            seenNames[key] = row.Line;
            if (email is not null)
            {
                seenEmails[email] = row.Line;
            }

            var (existing, matchedBy) = ImportMatcher.Find(map, row, key);
            if (existing is not null && !claimed.Add(existing.Id))
            {
                errors.Add(new ImportLine(row.Line, name, Say.Format(Sentences.CsvAlreadyUpdated, existing.Name)));
                continue;
            }

            // A job change: the row is about them, at another company. Only a sure match marks them as left (and
            // nothing else of the row, which describes the new job); a name-only match changes nothing.
            if (existing is not null && ImportMatcher.OtherCompany(map, row) is { } company)
            {
                if (existing.Status != StakeholderStatus.LeftCompany)
                {
                    var move = new JobChange(row.Line, existing.Id, existing.Name, company, matchedBy);
                    moves.Add(move);
                    if (move.IsSure)
                        leaving.Add(new Draft(row, existing, existing with { Status = StakeholderStatus.LeftCompany }, string.Empty));
                }

                continue;
            }

            drafts.Add(new Draft(row, existing, existing ?? new Stakeholder { Id = Guid.NewGuid(), Name = name }, string.Empty));
        }

        // Names resolve against the map and everyone in the file, so reports-to can point at a new person.
        var byName = map.Stakeholders.ToDictionary(s => NameKey.Normalize(s.Name), s => s.Id, StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            byName[NameKey.Normalize(Name(draft.Row))] = draft.Person.Id;
        }

        var users = new[] { map.Owner, importer }
            .Concat(map.Stakeholders.Select(s => s.RelationshipOwner).OfType<UserRef>())
            .GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var result = new List<Draft>();
        foreach (var draft in drafts)
        {
            var row = draft.Row;
            var values = draft.Existing is { } current
                ? StakeholderFormReader.From(current, map) with { RelatedToId = null, RelationshipKind = null, RelationshipNote = null }
                : StakeholderFormReader.ForNew(Name(row));
            var problems = new List<string>();
            var note = string.Empty;
            values = values with
            {
                Name = Name(row),
                Title = Cell(row, CsvColumn.Title, values.Title),
                Department = Cell(row, CsvColumn.Department, values.Department),
                Email = Cell(row, CsvColumn.Email, values.Email),
                ProfileUrl = Cell(row, CsvColumn.ProfileUrl, values.ProfileUrl),
                Roles = Cell(row, CsvColumn.Roles, values.Roles)?.Replace(';', ','),
                Power = Cell(row, CsvColumn.Power, values.Power),
                Interest = Cell(row, CsvColumn.Interest, values.Interest),
                Stance = Cell(row, CsvColumn.Stance, values.Stance),
                Raci = Cell(row, CsvColumn.Raci, values.Raci),
                Strength = Cell(row, CsvColumn.Strength, values.Strength),
                LastContacted = Cell(row, CsvColumn.LastContacted, values.LastContacted),
                NextStep = Cell(row, CsvColumn.NextStep, values.NextStep),
                NextStepDue = Cell(row, CsvColumn.NextStepDue, values.NextStepDue),
                Notes = Cell(row, CsvColumn.Notes, values.Notes),
                CaresAbout = Cell(row, CsvColumn.CaresAbout, values.CaresAbout),
                Plan = Cell(row, CsvColumn.Plan, values.Plan),
                Status = StatusWord(Cell(row, CsvColumn.Status, values.Status)),
            };

            if (row.Has(CsvColumn.ReportsTo))
            {
                var boss = row[CsvColumn.ReportsTo];
                if (string.IsNullOrWhiteSpace(boss))
                {
                    values = values with { ReportsToId = null };
                }
                else if (byName.TryGetValue(NameKey.Normalize(boss), out var bossId))
                {
                    values = values with { ReportsToId = bossId.ToString() };
                }
                else
                {
                    problems.Add(Say.Format(Sentences.CsvReportsToUnknown, boss));
                }
            }

            if (row.Has(CsvColumn.Owner))
            {
                var owner = row[CsvColumn.Owner];
                if (string.IsNullOrWhiteSpace(owner))
                {
                    values = values with { OwnerId = null, OwnerName = null };
                }
                else if (users.TryGetValue(owner.Trim(), out var user))
                {
                    values = values with { OwnerId = user.Id, OwnerName = user.Name };
                }
                else
                {
                    note = Say.Format(Sentences.CsvOwnerUnknown, owner);
                }
            }

            var (person, _, fieldErrors) = StakeholderFormReader.Read(values, draft.Person);
            problems.AddRange(fieldErrors.Select(f => f.Message));
            if (problems.Count > 0)
            {
                errors.Add(new ImportLine(row.Line, person.Name, string.Join(" ", problems)));
                continue;
            }

            result.Add(draft with { Person = person, Note = note });
        }

        result.AddRange(leaving);
        return result;
    }

    private static string Name(CsvRow row) =>
        row[CsvColumn.Name] is { Length: > 0 } full ? full : $"{row[CsvColumn.FirstName]} {row[CsvColumn.LastName]}".Trim();

    /// <summary>The cell when the file has the column (an empty cell clears the field), else the current value.</summary>
    private static string? Cell(CsvRow row, CsvColumn column, string? current) =>
        row.Has(column) ? row[column] : current;

    /// <summary>
    /// The export writes statuses as people read them ("left the company", from the catalogue); the form reader takes
    /// enum names. The English words are read in any culture, so a file exported in English imports anywhere.
    /// </summary>
    private static string? StatusWord(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "left the company" or "left" => nameof(StakeholderStatus.LeftCompany),
            { } word when string.Equals(word, Sentences.StatusLeftCompany.ToLowerInvariant(), StringComparison.Ordinal) => nameof(StakeholderStatus.LeftCompany),
            _ => text,
        };

    private sealed record Draft(CsvRow Row, Stakeholder? Existing, Stakeholder Person, string Note);
}
