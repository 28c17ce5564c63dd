using AccountBot.Core.Abstractions;

namespace AccountBot.Testing.Fakes;

/// <summary>An <see cref="ISeenEventStore"/> in memory, for hosts composed without a database.</summary>
public sealed class InMemorySeenEventStore(TimeProvider time) : ISeenEventStore
{
    private readonly Dictionary<string, DateTimeOffset> _expires = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryRecordAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_expires.TryGetValue(eventId, out var until) && until > now)
            {
                return Task.FromResult(false);
            }

            _expires[eventId] = now + ISeenEventStore.Retention;
            return Task.FromResult(true);
        }
    }
}
