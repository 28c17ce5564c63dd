namespace AccountBot.Slack.Bot;

/// <summary>
/// Remembers which form submissions were announced in their channel, so a submission Slack (or an impatient user)
/// sends twice is announced once. The core already applies it once; this only guards the announcement. Bounded.
/// </summary>
public sealed class SubmissionAnnouncements
{
    private const int Capacity = 10_000;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time a key is claimed.</summary>
    public bool TryClaim(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            if (!_seen.Add(key))
                return false;
            _order.Enqueue(key);
            if (_order.Count > Capacity)
                _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
