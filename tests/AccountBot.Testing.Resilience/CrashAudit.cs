using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// Opens a database file through the real store (<see cref="LiteDbContext"/> + <see cref="LiteDbAccountMapStore"/>)
/// and checks it against a <see cref="ChangeLedger"/>. The invariants, from the code that writes them:
/// <list type="bullet">
/// <item>Every save (<c>LiteDbAccountMapStore.SaveAsync</c>) writes the map at version v+1, one history entry keyed
/// by that version and, for a form, its submission id, in one transaction. So a map at version V has exactly the
/// history versions 1…V, version 1 being its creation ("created the … map").</item>
/// <item><c>AccountMap.AddStakeholder</c>'s entry has the field "{name}: name" (none → name) and "{name}: title"
/// (none → title); <c>UpdateStakeholder</c>'s has "{name}: title" (old → new) when the title changed. Nobody is
/// removed or renamed in the loop, so: every person on a map has exactly one add entry, every add entry's person is
/// on the map, and each person's title entries, in version order, chain (each old = the previous new) from the add
/// to the title the map holds.</item>
/// <item>No person appears twice (same name or id on a map, or on two maps), no map name twice in a workspace;
/// nobody is on a map that no client added.</item>
/// <item>Against the ledger: an acknowledged add is on its map; an acknowledged edit's title is in the person's
/// title chain; a change refused on every attempt is not; a change is applied exactly when its submission id is
/// recorded as applied (never half-applied); a person's applied edits are in the order they were sent; every map
/// a form was served for exists with the same id. Unacknowledged changes may be present or absent.</item>
/// </list>
/// </summary>
public static class CrashAudit
{
    private const string NameField = ": name";
    private const string TitleField = ": title";

    /// <summary>Copies the database (data file and LiteDB's log, not the lock) so auditing leaves the host's file as the kill left it.</summary>
    public static string Snapshot(string databasePath, string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Directory.CreateDirectory(folder);
        var source = Path.GetDirectoryName(databasePath)!;
        var stem = Path.GetFileNameWithoutExtension(databasePath);
        // A host killed in its first milliseconds may not have created its folder yet: nothing to copy, nothing acknowledged.
        var files = Directory.Exists(source) ? Directory.EnumerateFiles(source, stem + "*") : [];
        foreach (var file in files)
        {
            if (!file.EndsWith(".lock", StringComparison.Ordinal))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return Path.Combine(folder, Path.GetFileName(databasePath));
    }

    public static async Task<CrashAuditResult> RunAsync(string databasePath, ChangeLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var violations = new List<string>();
        LiteDbContext context;
        try
        {
            context = new LiteDbContext(databasePath, NullLogger<LiteDbContext>.Instance, mapCacheSize: 0);
        }
        catch (Exception e) when (e is LiteDbStartupException or IOException)
        {
            return new CrashAuditResult(0, 0, 0, 0, [$"the database did not open: {e.Message}"]);
        }

        using (context)
        {
            try
            {
                return await CheckAsync(context, ledger, violations, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // LiteDB reports damaged pages through many exception types.
                violations.Add($"reading the database failed: {e.GetType().Name}: {e.Message}");
                return new CrashAuditResult(0, 0, 0, 0, violations);
            }
        }
    }

    private static async Task<CrashAuditResult> CheckAsync(LiteDbContext context, ChangeLedger ledger, List<string> violations, CancellationToken cancellationToken)
    {
        var store = new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance);
        var found = new Dictionary<string, List<FoundPerson>>(StringComparer.Ordinal);
        int maps = 0, stakeholders = 0, entries = 0;
        var mapsById = new Dictionary<Guid, AccountMap>();
        foreach (var workspace in await store.ListWorkspacesAsync(cancellationToken))
        {
            foreach (var map in await store.ListAsync(workspace, cancellationToken))
            {
                var history = (await store.GetHistoryAsync(workspace, map.Id, int.MaxValue, cancellationToken)).OrderBy(h => h.Version).ToList();
                CheckMap(map, history, violations, found);
                mapsById[map.Id] = map;
                maps++;
                stakeholders += map.Stakeholders.Count;
                entries += history.Count;
            }
        }

        foreach (var twin in mapsById.Values.GroupBy(m => (m.Workspace, m.Key)).Where(g => g.Count() > 1))
            violations.Add($"map {twin.First().Name} exists {twin.Count()} times in {twin.Key.Workspace.Value}");

        var checkedChanges = 0;
        foreach (var person in ledger.People)
            checkedChanges += await CheckPersonAsync(store, person, found.GetValueOrDefault(person.Name) ?? [], violations, cancellationToken);

        foreach (var map in ledger.Maps)
        {
            if (!mapsById.TryGetValue(map.Id, out var stored) || stored.Workspace.Value != map.Workspace)
                violations.Add($"map {map.Name} ({map.Id}, {map.Workspace}) was served in a form but is not in the database");
            else if (stored.Name != map.Name)
                violations.Add($"map {map.Id} is called {stored.Name}, not {map.Name}");
        }

        var known = ledger.People.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in found.Keys.Where(n => !known.Contains(n)))
            violations.Add($"{name} is on map {found[name][0].Map.Name} but no client ever added them");

        return new CrashAuditResult(checkedChanges, maps, stakeholders, entries, violations);
    }

    private static void CheckMap(AccountMap map, IReadOnlyList<HistoryEntry> history, List<string> violations, Dictionary<string, List<FoundPerson>> found)
    {
        var where = $"map {map.Name} (v{map.Version})";
        var versions = history.Select(h => h.Version).ToList();
        if (!versions.SequenceEqual(Enumerable.Range(1, map.Version)))
        {
            var missing = Enumerable.Range(1, map.Version).Except(versions).ToList();
            var extra = versions.Where(v => v < 1 || v > map.Version).ToList();
            var twice = versions.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            violations.Add($"{where}: history does not hold versions 1..{map.Version} once each (missing [{Join(missing)}], beyond [{Join(extra)}], twice [{Join(twice)}])");
        }

        if (history.Count > 0 && (history[0].Version != 1 || !history[0].Summary.StartsWith("created ", StringComparison.Ordinal)))
            violations.Add($"{where}: version 1 is not the map's creation but '{history[0].Summary}'");

        foreach (var twin in map.Stakeholders.GroupBy(s => NameKey.Normalize(s.Name)).Where(g => g.Count() > 1))
            violations.Add($"{where}: {twin.First().Name} appears {twin.Count()} times");
        foreach (var twin in map.Stakeholders.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            violations.Add($"{where}: stakeholder id {twin.Key} appears {twin.Count()} times");

        // Who each entry adds, and every title change, by person.
        var adds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var titles = new Dictionary<string, List<TitleChange>>(StringComparer.Ordinal);
        foreach (var entry in history)
        {
            foreach (var field in entry.Fields)
            {
                if (field.Field.EndsWith(NameField, StringComparison.Ordinal) && field.Old is null && field.New == field.Field[..^NameField.Length])
                    Add(adds, field.New, entry.Version);
                else if (field.Field.EndsWith(TitleField, StringComparison.Ordinal))
                    Add(titles, field.Field[..^TitleField.Length], new TitleChange(entry.Version, field.Old, field.New));
            }
        }

        var onMap = map.Stakeholders.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in adds.Keys.Where(n => !onMap.Contains(n)))
            violations.Add($"{where}: history adds {name} (v{Join(adds[name])}) but {name} is not on the map");

        foreach (var person in map.Stakeholders)
        {
            var added = adds.GetValueOrDefault(person.Name) ?? [];
            if (added.Count != 1)
                violations.Add($"{where}: {person.Name} has {added.Count} add entries in history (v{Join(added)}), not 1");
            var chain = titles.GetValueOrDefault(person.Name) ?? [];
            string? current = null;
            foreach (var change in chain)
            {
                if (change.Old != current)
                    violations.Add($"{where}: {person.Name}'s title changes at v{change.Version} from '{change.Old}', but it was '{current}'");
                current = change.New;
            }

            if (current != person.Title)
                violations.Add($"{where}: {person.Name}'s title is '{person.Title}' but history ends at '{current}'");
            if (chain.Count > 0 && added.Count == 1 && chain[0].Version != added[0])
                violations.Add($"{where}: {person.Name}'s first title entry (v{chain[0].Version}) is not their add (v{added[0]})");
            Add(found, person.Name, new FoundPerson(map, person, chain));
        }
    }

    private static async Task<int> CheckPersonAsync(
        LiteDbAccountMapStore store, TrackedPerson person, List<FoundPerson> found, List<string> violations, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Parse(person.Workspace);
        var checkedChanges = 0;
        if (found.Count > 1)
            violations.Add($"{person.Name} appears {found.Count} times: on {string.Join(", ", found.Select(f => f.Map.Name))}");
        var here = found.FirstOrDefault();
        if (here is not null && (here.Map.Id != person.MapId || here.Map.Workspace.Value != person.Workspace))
            violations.Add($"{person.Name} is on {here.Map.Name} ({here.Map.Workspace.Value}), not on {person.MapName} ({person.Workspace}) where they were added");

        var present = here is not null;
        var add = person.Add;
        var addKey = await store.IsAppliedAsync(workspace, add.SubmissionId, cancellationToken);
        checkedChanges += Check(add, present, addKey, violations);

        var lastVersion = 0;
        foreach (var edit in person.Edits)
        {
            var applied = here?.Titles.FirstOrDefault(t => t.New == edit.Title && t.Old is not null);
            var key = await store.IsAppliedAsync(workspace, edit.SubmissionId, cancellationToken);
            checkedChanges += Check(edit, applied is not null, key, violations);
            if (applied is null)
                continue;
            if (applied.Version < lastVersion)
                violations.Add($"{edit} is applied at v{applied.Version}, before an edit sent earlier (v{lastVersion})");
            lastVersion = applied.Version;
        }

        return checkedChanges;
    }

    /// <summary>Checks one change; returns 1 when it was acknowledged (a checked promise), else 0.</summary>
    private static int Check(TrackedChange change, bool applied, bool keyApplied, List<string> violations)
    {
        if (change.IsAcknowledged && !applied)
        {
            var how = change.Acknowledged > 0
                ? "acknowledged"
                : "answered 200 by Teams before any reply (the 200 came before the write was durable)";
            violations.Add($"{change} was {how} but is not in the database");
        }

        if (change.IsOnlyRejected && applied)
            violations.Add($"{change} was refused on every attempt ({change.Rejected}) but is in the database");
        if (applied != keyApplied)
            violations.Add($"{change} is half-applied: change in the map = {applied}, submission id recorded as applied = {keyApplied}");
        return change.IsAcknowledged ? 1 : 0;
    }

    private static void Add<T>(Dictionary<string, List<T>> lists, string key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        list.Add(value);
    }

    private static string Join(IEnumerable<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private sealed record TitleChange(int Version, string? Old, string? New);

    private sealed record FoundPerson(AccountMap Map, Stakeholder Person, IReadOnlyList<TitleChange> Titles);
}
