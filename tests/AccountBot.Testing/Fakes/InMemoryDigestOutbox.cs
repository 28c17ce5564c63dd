using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Testing.Fakes;

/// <summary>An in-memory <see cref="IDigestOutbox"/> with the LiteDB store's contract (unique key, revision check).</summary>
public sealed class InMemoryDigestOutbox : IDigestOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, OutboxEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyList<OutboxEntry> All
    {
        get
        {
            lock (gate)
            {
                return [.. entries.Values.OrderBy(e => e.Key.Value, StringComparer.Ordinal)];
            }
        }
    }

    public Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            return Task.FromResult(entries.TryAdd(entry.Key.Value, entry with { Revision = 0 }));
        }
    }

    public Task<OutboxEntry?> GetAsync(DigestKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.GetValueOrDefault(key.Value));
        }
    }

    public Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (!entries.TryGetValue(entry.Key.Value, out var stored) || stored.Revision != entry.Revision)
            {
                return Task.FromResult<OutboxEntry?>(null);
            }

            var updated = entry with { Revision = entry.Revision + 1 };
            entries[entry.Key.Value] = updated;
            return Task.FromResult<OutboxEntry?>(updated);
        }
    }

    public Task<IReadOnlySet<string>> ListKeysAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(entries.Values.Where(e => e.Key.Workspace == workspace).Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ListByStateAsync(OutboxState state, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. entries.Values.Where(e => e.State == state).OrderBy(e => e.CreatedAt).ThenBy(e => e.Key.Value, StringComparer.Ordinal)]);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var latest = entries.Values
                .GroupBy(e => (e.Key.Workspace, e.Key.ChannelId))
                .ToDictionary(g => g.Key, g => g.Max(e => e.Key.Week)!);
            var removed = entries.Values
                .Where(e => e.IsFinal && e.UpdatedAt < before && string.CompareOrdinal(e.Key.Week, latest[(e.Key.Workspace, e.Key.ChannelId)]) < 0)
                .Select(e => e.Key.Value)
                .ToList();
            foreach (var key in removed)
            {
                entries.Remove(key);
            }

            return Task.FromResult(removed.Count);
        }
    }
}
