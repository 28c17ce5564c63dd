using AccountBot.Slack.Routing;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Remembers which submissions were announced in their channel (<see cref="SlackListenerContext.SayOnce"/>), so one the
/// core does not apply once by itself (the stakeholder modal's "Add several" lines), sent twice by Slack or an impatient
/// user, is announced once. A save's announcement needs none: the store applies its submission id once. Bounded in
/// size (<see cref="Capacity"/>, oldest first) and in age (<see cref="Retention"/>: repeats come within seconds).
/// </summary>
public sealed class AnnouncedSubmissions(TimeProvider time)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Submissions remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _seen.Count;
        }
    }

    /// <summary>True the first time a key is claimed.</summary>
    public bool TryClaim(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && (now - oldest.At >= Retention || _order.Count >= Capacity))
                _seen.Remove(_order.Dequeue().Key);
            if (!_seen.Add(key))
                return false;
            _order.Enqueue((key, now));
            return true;
        }
    }
}
