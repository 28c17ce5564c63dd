using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// <see cref="IPendingImportStore"/> in memory: the one-instance default (LiteDB). Only the parsed rows are kept (and
/// how many did not fit the map); the plan is made again on the map as it is when confirmed. A restart forgets them:
/// the user is asked to paste again, nothing is half-applied.
/// <para>
/// Held per workspace, so a workspace previewing over and over only pushes out its own: each keeps at most
/// <see cref="PerWorkspace"/> (its oldest dropped first). All together hold at most <see cref="Capacity"/>; when that
/// many are waiting, a new preview is refused rather than dropping another workspace's.
/// </para>
/// </summary>
public sealed class PendingImports(TimeProvider time) : IPendingImportStore
{
    public const int PerWorkspace = IPendingImportStore.PerWorkspace;
    public const int Capacity = IPendingImportStore.Capacity;
    public static readonly TimeSpan Lifetime = IPendingImportStore.Lifetime;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, PendingImport>> byWorkspace = new(StringComparer.Ordinal);
    private int count;

    public Task<string?> AddAsync(WorkspaceKey workspace, Guid mapId, IReadOnlyList<CsvRow> rows, int didNotFit, CancellationToken cancellationToken) =>
        Task.FromResult(Add(workspace, mapId, rows, didNotFit));

    public Task<PendingImport?> FindAsync(WorkspaceKey workspace, Guid mapId, string importId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(workspace, mapId, importId));

    private string? Add(WorkspaceKey workspace, Guid mapId, IReadOnlyList<CsvRow> rows, int didNotFit)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        lock (gate)
        {
            RemoveExpired(now);
            if (!byWorkspace.TryGetValue(workspace.Value, out var own))
            {
                if (count >= Capacity)
                {
                    return null;
                }

                own = new Dictionary<string, PendingImport>(StringComparer.Ordinal);
                byWorkspace[workspace.Value] = own;
            }
            else if (own.Count >= PerWorkspace)
            {
                own.Remove(own.MinBy(e => e.Value.Expires).Key);
                count--;
            }
            else if (count >= Capacity)
            {
                return null;
            }

            own[id] = new PendingImport(mapId, rows, didNotFit, now + Lifetime);
            count++;
        }

        return id;
    }

    private PendingImport? Find(WorkspaceKey workspace, Guid mapId, string importId)
    {
        lock (gate)
        {
            return byWorkspace.TryGetValue(workspace.Value, out var own)
                && own.TryGetValue(importId, out var entry)
                && entry.MapId == mapId
                && entry.Expires > time.GetUtcNow()
                ? entry
                : null;
        }
    }

    public Task<int> ForgetAsync(WorkspaceKey workspace, Guid mapId, Func<PendingImport, bool> matches, CancellationToken cancellationToken) =>
        Task.FromResult(Forget(workspace, mapId, matches));

    private int Forget(WorkspaceKey workspace, Guid mapId, Func<PendingImport, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        lock (gate)
        {
            if (!byWorkspace.TryGetValue(workspace.Value, out var own))
            {
                return 0;
            }

            var gone = own.Where(e => e.Value.MapId == mapId && matches(e.Value)).Select(e => e.Key).ToList();
            foreach (var id in gone)
            {
                own.Remove(id);
                count--;
            }

            return gone.Count;
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (workspace, own) in byWorkspace.ToList())
        {
            foreach (var stale in own.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                own.Remove(stale);
                count--;
            }

            if (own.Count == 0)
            {
                byWorkspace.Remove(workspace);
            }
        }
    }
}
