using AccountBot.Slack.Installations;

namespace AccountBot.Slack.WebApi;

/// <summary>
/// Keeps posts to one channel at most one per second (Slack's chat.postMessage guidance); channels do not wait
/// for each other. Each caller reserves the next free slot, then waits for it on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class SlackChannelPacer(TimeProvider timeProvider)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int PruneThreshold = 1024;

    private readonly Dictionary<(SlackTeamKey Team, string Channel), DateTimeOffset> _nextFree = [];
    private readonly Lock _gate = new();

    public async Task WaitTurnAsync(SlackTeamKey team, string channel, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_nextFree.Count > PruneThreshold)
            {
                foreach (var stale in _nextFree.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
                    _nextFree.Remove(stale);
            }

            var slot = _nextFree.TryGetValue((team, channel), out var free) && free > now ? free : now;
            _nextFree[(team, channel)] = slot + Interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, timeProvider, cancellationToken);
    }
}
