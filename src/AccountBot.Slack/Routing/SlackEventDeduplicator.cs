namespace AccountBot.Slack.Routing;

/// <summary>
/// Remembers event ids for <see cref="Retention"/> so Slack's retries (up to 3, over about an hour) are handled once.
/// Bounded: beyond <see cref="Capacity"/> ids the oldest are forgotten first.
/// </summary>
public sealed class SlackEventDeduplicator(TimeProvider timeProvider)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);
    public const int Capacity = 50_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="eventId"/> is seen (within the retention), false for a repeat.</summary>
    public bool TryRegister(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            while (_order.TryPeek(out var oldest) && (oldest.Expires <= now || _order.Count >= Capacity))
            {
                _order.Dequeue();
                if (_seen.TryGetValue(oldest.Id, out var expires) && expires == oldest.Expires)
                    _seen.Remove(oldest.Id);
            }

            if (_seen.TryGetValue(eventId, out var until) && until > now)
                return false;

            var expiry = now + Retention;
            _seen[eventId] = expiry;
            _order.Enqueue((eventId, expiry));
            return true;
        }
    }
}
