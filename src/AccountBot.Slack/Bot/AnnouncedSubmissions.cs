using AccountBot.Core.Abstractions;
using AccountBot.Core.Features;
using AccountBot.Core.Views;
using AccountBot.Slack.Routing;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Remembers which form submissions were announced in their channel, so a submission Slack (or an impatient user)
/// sends twice is announced once. The core already applies it once; this only guards the announcement. Bounded in
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

    /// <summary>
    /// Announces a save's map in <paramref name="channel"/> after the ack (<see cref="SlackListenerContext.Say(MapView, string?)"/>),
    /// once per <paramref name="key"/> in the request's workspace: a repeat (Slack retrying the submission, or a double
    /// click) was announced by the save that wrote it.
    /// </summary>
    public void Announce(SlackListenerContext context, SaveReply saved, string? channel, string key, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Announcement is not MapView map || !TryClaim(context.Request.Workspace.Value + "|" + key))
        {
            if (saved.Outcome == SaveOutcome.AlreadyApplied)
                Log.SubmissionRepeated(logger, key);
            return;
        }

        if (channel is { Length: > 0 })
            context.Say(map, channel);
    }
}
