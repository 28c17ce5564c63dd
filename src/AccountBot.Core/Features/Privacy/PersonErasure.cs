using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Features.Privacy;

/// <summary>
/// What erasing one person from one map removes, as pure rules: the person (their reports move up to their manager,
/// as on remove), every relationship to or from them, their name in the others' free text, and every mention of them
/// in the history, under any name they had there: each field that names them goes, and an entry about them alone
/// goes; an entry that also concerns others keeps the rest, its summary with their name replaced by
/// <see cref="PrivacyTexts.Redacted"/>.
/// </summary>
public sealed class PersonErasure
{
    private readonly Regex _mentions;

    private PersonErasure(Stakeholder person, IReadOnlyList<string> names)
    {
        Person = person;
        Names = names;

        // Whole words only, so erasing "Al" leaves "Also" alone; longest first, so "Jane Doe" goes before "Jane".
        var pattern = string.Join('|', names.OrderByDescending(n => n.Length).Select(n => $@"(?<!\w){Regex.Escape(n)}(?!\w)"));
        _mentions = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public Stakeholder Person { get; }

    /// <summary>Every name the person had on the map (renames are found in the history).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <param name="person">Who is erased.</param>
    /// <param name="history">The map's whole history, any order.</param>
    public static PersonErasure For(Stakeholder person, IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(history);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { person.Name };
        var renames = history.SelectMany(h => h.Fields).Where(f => f.Field.EndsWith(": name", StringComparison.Ordinal)).ToList();

        // A rename is recorded under the new name ("Jane Doe: name", Jane Smith → Jane Doe): follow the chain back.
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var rename in renames.Where(r => r.New is { } n && names.Contains(n) && r.Old is { Length: > 0 } && !names.Contains(r.Old)))
            {
                grown |= names.Add(rename.Old!);
            }
        }

        return new PersonErasure(person, [.. names.Where(n => n.Trim().Length > 0)]);
    }

    /// <summary>Whether <paramref name="text"/> names the person.</summary>
    public bool Mentions(string? text) => text is { Length: > 0 } && _mentions.IsMatch(text);

    /// <summary><paramref name="text"/> with the person's name replaced by <see cref="PrivacyTexts.Redacted"/>.</summary>
    public string? Redact(string? text) => text is { Length: > 0 } ? _mentions.Replace(text, PrivacyTexts.Redacted) : text;

    /// <summary>Removes the person from <paramref name="map"/>; the history entry says only that a person was erased.</summary>
    public MapWrite Apply(AccountMap map, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(stamp);
        var id = Person.Id;
        var erased = map with
        {
            Updated = stamp,
            Stakeholders = [.. map.Stakeholders
                .Where(s => s.Id != id)
                .Select(s => s with
                {
                    ReportsToId = s.ReportsToId == id ? Person.ReportsToId : s.ReportsToId,
                    Notes = Redact(s.Notes),
                    NextStep = Redact(s.NextStep),
                    CaresAbout = Redact(s.CaresAbout),
                    Plan = Redact(s.Plan),
                })],
            Relationships = [.. map.Relationships
                .Where(r => r.FromId != id && r.ToId != id)
                .Select(r => r with { Note = Redact(r.Note) })],
        };
        return MapWrite.Of(erased, stamp, PrivacyTexts.ErasedSummary, []);
    }

    /// <summary>
    /// The entry without the person: every field that is theirs or names them goes; the entry itself goes when its
    /// summary names them and no field is left, else the summary has their name redacted. The same instance when it
    /// never named them.
    /// </summary>
    public HistoryEntry? Scrub(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kept = entry.Fields.Where(f => !IsAbout(f) && !Mentions(f.Field) && !Mentions(f.Old) && !Mentions(f.New)).ToList();
        var named = Mentions(entry.Summary);
        if (!named && kept.Count == entry.Fields.Count)
        {
            return entry;
        }

        if (named && kept.Count == 0)
        {
            return null;
        }

        return entry with { Summary = Redact(entry.Summary)!, Fields = kept };
    }

    /// <summary>A queued or sent digest without the person: their gaps dropped, their name redacted; null when it never named them.</summary>
    public PlannedDigest? Scrub(PlannedDigest digest, Guid mapId)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!digest.Items.Any(i => i.MapId == mapId && (Mentions(i.Summary) || i.Gaps.Any(g => g.StakeholderId == Person.Id || Mentions(g.Message)))))
        {
            return null;
        }

        var items = digest.Items.Select(i => i.MapId != mapId ? i : i with
        {
            Gaps = [.. i.Gaps.Where(g => g.StakeholderId != Person.Id).Select(g => g with { Message = Redact(g.Message)! })],
            Summary = Redact(i.Summary)!,
        });
        return digest with { Digest = new Digest([.. items], digest.MoreCount) };
    }

    /// <summary>Whether a previewed import row names the person.</summary>
    public bool Mentions(CsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Cells.Values.Any(Mentions);
    }

    // "Jane Doe: title" and the like: a field of the person's own.
    private bool IsAbout(FieldChange field) =>
        Names.Any(n => field.Field.StartsWith(n + ":", StringComparison.OrdinalIgnoreCase));
}
