using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// Previewed imports waiting for confirmation, in memory for an hour (at most 64 at a time, oldest
/// dropped first). Only the parsed rows are kept; the plan is made again on the map as it is when
/// confirmed. A restart forgets them: the user is asked to paste again, nothing is half-applied.
/// </summary>
public sealed class PendingImports(TimeProvider time)
{
    public const int Capacity = 64;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<(string Workspace, string ImportId), Entry> entries = [];

    public string Add(WorkspaceKey workspace, Guid mapId, IReadOnlyList<CsvRow> rows)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var stale in entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                entries.Remove(stale);
            }

            while (entries.Count >= Capacity)
            {
                entries.Remove(entries.MinBy(e => e.Value.Expires).Key);
            }

            entries[(workspace.Value, id)] = new Entry(mapId, rows, now + Lifetime);
        }

        return id;
    }

    /// <summary>The rows of a preview of this workspace and map, while it has not expired.</summary>
    public IReadOnlyList<CsvRow>? Find(WorkspaceKey workspace, Guid mapId, string importId)
    {
        lock (gate)
        {
            return entries.TryGetValue((workspace.Value, importId), out var entry) && entry.MapId == mapId && entry.Expires > time.GetUtcNow()
                ? entry.Rows
                : null;
        }
    }

    private sealed record Entry(Guid MapId, IReadOnlyList<CsvRow> Rows, DateTimeOffset Expires);
}
