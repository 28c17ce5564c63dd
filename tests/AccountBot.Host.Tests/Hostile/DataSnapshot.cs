using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Every workspace's maps and their history, as read from the store, one canonical JSON text per workspace:
/// two snapshots are compared workspace by workspace to tell whose data an input changed.
/// </summary>
internal sealed record DataSnapshot(IReadOnlyDictionary<string, string> Workspaces)
{
    private const int HistoryLimit = 10_000;

    public static async Task<DataSnapshot> TakeAsync(IAccountMapStore store, CancellationToken cancellationToken)
    {
        var workspaces = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workspace in await store.ListWorkspacesAsync(cancellationToken))
        {
            var maps = (await store.ListAsync(workspace, cancellationToken)).OrderBy(m => m.Id).ToList();
            var history = new List<object>();
            foreach (var map in maps)
                history.Add(await store.GetHistoryAsync(workspace, map.Id, HistoryLimit, cancellationToken));
            workspaces[workspace.Value] = JsonSerializer.Serialize(new { maps, history });
        }

        return new DataSnapshot(workspaces);
    }

    /// <summary>The workspaces whose data differ between the two snapshots (added and removed ones included).</summary>
    public IReadOnlyList<string> ChangedSince(DataSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Workspaces.Keys.Union(before.Workspaces.Keys)
            .Where(key => Workspaces.GetValueOrDefault(key) != before.Workspaces.GetValueOrDefault(key))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Maps that point at a person who is not on them (reports-to, relationships): forged ids that got in.</summary>
    public static IEnumerable<string> DanglingReferences(IEnumerable<AccountMap> maps) =>
        maps.SelectMany(map =>
        {
            var people = map.Stakeholders.Select(s => s.Id).ToHashSet();
            return map.Stakeholders.Where(s => s.ReportsToId is { } boss && !people.Contains(boss)).Select(s => $"{map.Name}: {s.Name} reports to an unknown id")
                .Concat(map.Relationships.Where(r => !people.Contains(r.FromId) || !people.Contains(r.ToId)).Select(r => $"{map.Name}: relationship {r.Id} points outside the map"));
        });
}
