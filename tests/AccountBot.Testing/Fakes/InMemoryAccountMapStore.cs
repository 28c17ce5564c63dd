using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Testing.Fakes;

/// <summary>
/// A thread-safe in-memory <see cref="IAccountMapStore"/> with the same contract as the LiteDB
/// store (workspace scoping, version check, unique names, idempotency keys), for use-case tests.
/// </summary>
/// <param name="time">When idempotency keys count as applied (for pruning); the system clock by default.</param>
public sealed class InMemoryAccountMapStore(TimeProvider? time = null) : IAccountMapStore
{
    private readonly Lock gate = new();
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly Dictionary<Guid, AccountMap> maps = [];
    private readonly Dictionary<Guid, WorkspaceKey> deleted = [];
    private readonly List<HistoryEntry> history = [];
    private readonly Dictionary<(WorkspaceKey, string), (Guid MapId, DateTimeOffset At)> appliedKeys = [];

    public int SaveCalls { get; private set; }

    public Task<AccountMap?> GetAsync(WorkspaceKey workspace, Guid mapId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(maps.TryGetValue(mapId, out var map) && map.Workspace == workspace ? map : null);
        }
    }

    public Task<AccountMap?> FindByNameAsync(WorkspaceKey workspace, string name, CancellationToken cancellationToken)
    {
        var key = NameKey.Normalize(name);
        lock (gate)
        {
            return Task.FromResult(maps.Values.FirstOrDefault(m => m.Workspace == workspace
                && (m.Key == key || m.Aliases.Any(a => NameKey.Normalize(a) == key))));
        }
    }

    public Task<IReadOnlyList<AccountMap>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AccountMap>>([.. maps.Values.Where(m => m.Workspace == workspace)]);
        }
    }

    public async Task<IReadOnlyList<string>> ListNameCandidatesAsync(WorkspaceKey workspace, string nameKey, CancellationToken cancellationToken) =>
        [.. (await ListAsync(workspace, cancellationToken)).Select(m => m.Key).Order(StringComparer.Ordinal)];

    public Task<IReadOnlyList<WorkspaceKey>> ListWorkspacesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<WorkspaceKey>>([.. maps.Values.Select(m => m.Workspace).Distinct()]);
        }
    }

    public async Task<IReadOnlyList<AccountMap>> ListLinkedToChannelAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(workspace, cancellationToken)).Where(m => m.LinkedChannels.Any(c => c.Id == channelId))];

    public Task<SaveResult> SaveAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var map = write.Map;
        lock (gate)
        {
            SaveCalls++;
            if (write.IdempotencyKey is { } key && appliedKeys.TryGetValue((map.Workspace, key), out var appliedTo))
            {
                return Task.FromResult(new SaveResult(SaveOutcome.AlreadyApplied, maps.GetValueOrDefault(appliedTo.MapId)));
            }

            var stored = maps.GetValueOrDefault(map.Id);
            if (map.Version == 0)
            {
                if (maps.Values.Any(m => m.Workspace == map.Workspace && m.Key == map.Key))
                {
                    return Task.FromResult(new SaveResult(SaveOutcome.NameTaken, null));
                }

                if (write.MapLimit is { } limit && maps.Values.Count(m => m.Workspace == map.Workspace) >= limit)
                {
                    return Task.FromResult(new SaveResult(SaveOutcome.LimitReached, null));
                }
            }
            else if (stored is null || stored.Workspace != map.Workspace)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.NotFound, null));
            }
            else if (stored.Version != map.Version)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.VersionConflict, stored));
            }

            var saved = map with { Version = map.Version + 1 };
            maps[saved.Id] = saved;
            history.Add(write.History with { Version = saved.Version });
            if (write.IdempotencyKey is { } applied)
            {
                appliedKeys[(map.Workspace, applied)] = (saved.Id, time.GetUtcNow());
            }

            return Task.FromResult(new SaveResult(SaveOutcome.Saved, saved));
        }
    }

    public Task<bool> IsAppliedAsync(WorkspaceKey workspace, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(appliedKeys.ContainsKey((workspace, idempotencyKey)));
        }
    }

    public Task<int> PruneIdempotencyKeysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var old = appliedKeys.Where(k => k.Value.At < before).Select(k => k.Key).ToList();
            foreach (var key in old)
            {
                appliedKeys.Remove(key);
            }

            return Task.FromResult(old.Count);
        }
    }

    public async Task<SaveResult> EraseAsync(ErasureWrite erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        lock (gate)
        {
            // The version check first, as the LiteDB store does inside its transaction.
            if (maps.GetValueOrDefault(erasure.Write.Map.Id) is not { } stored || stored.Workspace != erasure.Write.Map.Workspace)
            {
                return new SaveResult(SaveOutcome.NotFound, null);
            }

            if (stored.Version != erasure.Write.Map.Version)
            {
                return new SaveResult(SaveOutcome.VersionConflict, stored);
            }

            var mapId = erasure.Write.Map.Id;
            history.RemoveAll(h => h.MapId == mapId && (erasure.Removed.Contains(h.Version) || erasure.Rewritten.Any(r => r.Version == h.Version)));
            history.AddRange(erasure.Rewritten.Select(r => r with { MapId = mapId }));
        }

        return await SaveAsync(erasure.Write, cancellationToken);
    }

    public Task<SaveResult> DeleteAsync(MapWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            var map = write.Map;
            if (maps.GetValueOrDefault(map.Id) is not { } stored || stored.Workspace != map.Workspace)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.NotFound, null));
            }

            if (stored.Version != map.Version)
            {
                return Task.FromResult(new SaveResult(SaveOutcome.VersionConflict, stored));
            }

            maps.Remove(map.Id);
            deleted[map.Id] = map.Workspace;
            history.Add(write.History with { MapId = map.Id, Version = map.Version + 1 });
            return Task.FromResult(new SaveResult(SaveOutcome.Saved, null));
        }
    }

    public Task<int> PruneHistoryAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(history.RemoveAll(h => h.At < before));
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(WorkspaceKey workspace, Guid mapId, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var owned = (maps.TryGetValue(mapId, out var map) && map.Workspace == workspace)
                || (deleted.TryGetValue(mapId, out var was) && was == workspace);
            return Task.FromResult<IReadOnlyList<HistoryEntry>>(owned
                ? [.. history.Where(h => h.MapId == mapId).OrderByDescending(h => h.Version).Take(limit)]
                : []);
        }
    }
}
