using System.Collections.Concurrent;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;

namespace AccountBot.Host.Tests.Reminders;

/// <summary>
/// Back-pressure: for ten minutes Slack answers 429 (Retry-After 60) to every post in one busy channel and the Bot
/// Connector answers 429 to every call. Digests wait in the outbox and drain once the storm passes, each exactly once;
/// nothing is dropped for having been throttled many times, and channels that are not throttled are not held up.
/// Every run is a new host on the same database file, as the scheduler's restarts would be.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class ReminderBackPressureTests : IAsyncLifetime
{
    private const string Busy = "C0DEALS";
    private const string Quiet = "C0EMEA";
    private static readonly string[] TeamsChannels = ["19:deals@thread.tacv2", "19:emea@thread.tacv2"];
    private static readonly DateTimeOffset StormEnds = ReminderRig.Monday0900.AddMinutes(10);
    private static readonly TimeSpan SlackRetryAfter = TimeSpan.FromSeconds(60);

    private ReminderRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReminderRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task RateLimitStorm_DigestsQueueThenDrainExactlyOnce_UnthrottledChannelsNotHeldUp()
    {
        await _rig.SeedAsync([Busy, Quiet], TeamsChannels);
        bool Storming() => _rig.Time.GetUtcNow() < StormEnds;
        _rig.Slack.Responder = call =>
            call.Method == "chat.postMessage" && Storming() && call.Json.GetProperty("channel").GetString() == Busy
                ? FakeSlackReply.RateLimited((int)SlackRetryAfter.TotalSeconds)
                : null;
        var connectorAnswers = new ConcurrentQueue<(DateTimeOffset At, bool Throttled)>();
        _rig.Teams.Responder = _ =>
        {
            var throttled = Storming();
            connectorAnswers.Enqueue((_rig.Time.GetUtcNow(), throttled));
            return throttled ? new FakeConnectorResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", "60") : null;
        };

        var first = await _rig.RunAsync();

        // The quiet channel's digest went at once, while its neighbour and all of Teams were throttled.
        Assert.Equal([(Quiet, ReminderRig.Monday0900)], _rig.Slack.Posts.Select(p => (p.Channel, p.At)));
        Assert.Empty(_rig.TeamsDigests());
        Assert.Equal(3, first!.Outcomes.Count(o => o.State == OutboxState.Pending));

        await _rig.DrainAsync(maxRuns: 40);

        // Drained: each channel's digest exactly once, none failed although throttled far more than MaxAttempts.
        Assert.Equal([Busy, Quiet], _rig.Slack.Posts.Select(p => p.Channel).Order(StringComparer.Ordinal));
        Assert.Equal(TeamsChannels, _rig.TeamsDigests().Order(StringComparer.Ordinal));
        var outbox = await _rig.OutboxAsync();
        Assert.All(outbox, e => Assert.Equal(OutboxState.Sent, e.State));
        Assert.All(outbox.Where(e => e.Key.ChannelId != Quiet), e => Assert.True(e.ThrottledAttempts > 4, $"{e.Key}: {e.ThrottledAttempts} throttles"));

        // Slack's Retry-After was honoured to the second: posts to the busy channel a minute apart, the last one as the storm ended.
        var busyCalls = _rig.Slack.CallsTo("chat.postMessage").Where(c => c.Json.GetProperty("channel").GetString() == Busy).Select(c => c.At).ToList();
        Assert.All(busyCalls.Zip(busyCalls.Skip(1)), pair => Assert.Equal(SlackRetryAfter, pair.Second - pair.First));
        Assert.Equal(StormEnds, _rig.Slack.Posts.Single(p => p.Channel == Busy).At);

        // Teams gives no Retry-After past its own retries: the outbox backs off, capped at RetryMaxDelay (2 min).
        var answers = connectorAnswers.ToList();
        Assert.All(answers.Where(a => !a.Throttled), a => Assert.InRange(a.At, StormEnds, StormEnds.AddMinutes(2)));
        Assert.Equal(2, answers.Count(a => !a.Throttled));
    }
}
