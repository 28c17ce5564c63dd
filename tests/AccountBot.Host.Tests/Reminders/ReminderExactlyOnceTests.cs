using AccountBot.Core.Reminders;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;

namespace AccountBot.Host.Tests.Reminders;

/// <summary>
/// Exactly once under faults, as shipped: the platforms fail (5xx), throttle (429 + Retry-After), and time out (with
/// and without having posted), while the process dies at each step of the outbox and a new host starts on the same
/// database file. Slack can be asked what it has, so every channel gets each week's digest exactly once. Teams cannot,
/// so there the one step where only the connector knows is tested on its own, with its documented duplicate.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class ReminderExactlyOnceTests : IAsyncLifetime
{
    private static readonly string[] SlackChannels = ["C0DEALS", "C0EMEA", "C0APAC"];
    private static readonly string[] TeamsChannels = ["19:deals@thread.tacv2", "19:emea@thread.tacv2", "19:apac@thread.tacv2"];

    private ReminderRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReminderRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>A crash at every step in turn (each one a new host), then runs at each due time until drained.</summary>
    private async Task CrashAtEveryStepThenDrainAsync(IEnumerable<CrashPoint> points)
    {
        foreach (var point in points)
        {
            await _rig.RunAsync(point);
            _rig.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await _rig.DrainAsync();
    }

    private void NextMonday0900() => _rig.Time.SetUtcNow(ReminderRig.Monday0900.AddDays(7 * (1 + (int)((_rig.Time.GetUtcNow() - ReminderRig.Monday0900).TotalDays / 7))));

    [Fact]
    public async Task Slack_FaultsTimeoutsAndARestartAtEveryOutboxStep_EachChannelGetsEachWeekExactlyOnce()
    {
        await _rig.SeedAsync(SlackChannels, []);

        for (var week = 0; week < 2; week++)
        {
            _rig.ScriptSlack(
                FakeSlackReply.HttpStatus(503),
                FakeSlackReply.RateLimited(30),
                FakeSlackReply.Stall(),
                FakeSlackReply.PostedButNoAnswer(),
                FakeSlackReply.HttpStatus(502));
            await CrashAtEveryStepThenDrainAsync(Enum.GetValues<CrashPoint>());
            NextMonday0900();
        }

        var digests = _rig.SlackDigests();
        Assert.Equal(
            [.. SlackChannels.SelectMany(c => new[] { $"slack:T0ACME|{c}|2025-W10", $"slack:T0ACME|{c}|2025-W11" }).Order(StringComparer.Ordinal)],
            digests.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(digests, d => Assert.Contains(d.Channel, d.Key, StringComparison.Ordinal));
        Assert.All(await _rig.OutboxAsync(), e => Assert.Equal(OutboxState.Sent, e.State));

        // The lost answer was read back from the channel's history, not posted again.
        Assert.NotEmpty(_rig.Slack.CallsTo("conversations.history"));
    }

    [Fact]
    public async Task Teams_FaultsTimeoutsAndARestartAtEveryStepTheOutboxCanSettle_EachChannelGetsEachWeekExactlyOnce()
    {
        await _rig.SeedAsync([], TeamsChannels);
        var points = Enum.GetValues<CrashPoint>().Where(p => p != CrashPoint.AfterSendReturned).ToArray();

        for (var week = 1; week <= 2; week++)
        {
            _rig.ScriptTeams(
                new FakeConnectorResponse(503, null, null),
                new FakeConnectorResponse(429, null, "30"),
                FakeConnectorResponse.Hang(),
                new FakeConnectorResponse(502, null, null));
            await CrashAtEveryStepThenDrainAsync(points);

            Assert.All(TeamsChannels, c => Assert.Equal(week, _rig.TeamsDigests().Count(d => d == c)));
            NextMonday0900();
        }

        Assert.Equal(6, _rig.TeamsDigests().Count);
        Assert.All(await _rig.OutboxAsync(), e => Assert.Equal(OutboxState.Sent, e.State));
    }

    [Fact]
    public async Task Slack_DiesAfterSlackAcceptedTheDigest_ReadBackNotPostedAgain()
    {
        await _rig.SeedAsync([SlackChannels[0]], []);

        Assert.Null(await _rig.RunAsync(CrashPoint.AfterSendReturned));
        _rig.Time.Advance(ReminderRig.SendTimeout);
        var restart = await _rig.DrainAsync();

        Assert.Single(_rig.Slack.Posts);
        var entry = Assert.Single(await _rig.OutboxAsync());
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal(_rig.Slack.Posts[0].Ts, entry.MessageId);
        Assert.Equal(1, entry.Attempts);
        Assert.Null(restart.NextRetryAt);
    }

    [Fact]
    public async Task Teams_DiesAfterTheConnectorAcceptedTheDigest_SentAgain_TheDocumentedDuplicateNotALoss()
    {
        await _rig.SeedAsync([], [TeamsChannels[0]]);

        Assert.Null(await _rig.RunAsync(CrashPoint.AfterSendReturned));
        _rig.Time.Advance(ReminderRig.SendTimeout);
        await _rig.DrainAsync();

        Assert.Equal([TeamsChannels[0], TeamsChannels[0]], _rig.TeamsDigests());
        Assert.Equal(OutboxState.Sent, Assert.Single(await _rig.OutboxAsync()).State);
    }

    [Fact]
    public async Task Teams_ConnectorPostsButTheAnswerIsLost_SentAgainOnceTheSendTimeoutIsUp()
    {
        await _rig.SeedAsync([], [TeamsChannels[0]]);
        _rig.ScriptTeams(FakeConnectorResponse.AcceptThenHang());

        var first = await _rig.RunAsync();
        var doubt = Assert.Single(first!.Outcomes);
        Assert.Equal(OutboxState.Sending, doubt.State);
        Assert.Single(_rig.TeamsDigests());

        await _rig.DrainAsync();

        Assert.Equal(2, _rig.TeamsDigests().Count);
        Assert.Equal(OutboxState.Sent, Assert.Single(await _rig.OutboxAsync()).State);
    }

    [Fact]
    public async Task Slack_429_RetryAfterBecomesTheNextAttemptTime()
    {
        await _rig.SeedAsync([SlackChannels[0]], []);
        _rig.ScriptSlack(FakeSlackReply.RateLimited(47));

        var report = await _rig.RunAsync();

        Assert.Equal(ReminderRig.Monday0900.AddSeconds(47), report!.NextRetryAt);
        Assert.Single(_rig.Slack.CallsTo("chat.postMessage"));
        _rig.Time.Advance(TimeSpan.FromSeconds(46));
        await _rig.RunAsync();
        Assert.Single(_rig.Slack.CallsTo("chat.postMessage"));

        _rig.Time.Advance(TimeSpan.FromSeconds(1));
        await _rig.RunAsync();
        Assert.Equal([ReminderRig.Monday0900, ReminderRig.Monday0900.AddSeconds(47)], _rig.Slack.CallsTo("chat.postMessage").Select(c => c.At));
        Assert.Single(_rig.Slack.Posts);
    }
}
