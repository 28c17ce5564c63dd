using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Bot;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Tests.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Tests.Bot;

/// <summary>The check reads back, from the channel's history on the fake Slack, what the digest sender posted.</summary>
public sealed class SlackDigestDeliveryCheckTests : IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ACME");

    // The clock jumps instead of waiting, so pacing many posts into one channel costs nothing.
    private readonly VirtualTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySlackInstallationStore _store = new();
    private FakeSlackApi _api = null!;
    private SlackApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync(_time);
        await _store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme" }, CancellationToken.None);
        // Generous: the first call also starts the fake and compiles the client.
        _client = Client(TimeSpan.FromSeconds(10));
    }

    private SlackApiClient Client(TimeSpan timeout) => new(
        new HttpClient { BaseAddress = _api.ApiBaseUrl, Timeout = timeout }, _store, new SlackChannelPacer(_time), _time, NullLogger<SlackApiClient>.Instance);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private SlackDigestSender Sender(SlackApiClient? client = null) => new(client ?? _client, new SlackMessageRenderer(), new SlackSharedChannels(_time, NullLogger<SlackSharedChannels>.Instance), NullLogger<SlackDigestSender>.Instance);

    private SlackDigestDeliveryCheck Check() => new(_client, NullLogger<SlackDigestDeliveryCheck>.Instance);

    private static PlannedDigest Planned(string channel, string week = "2026-W10") =>
        new(new DigestKey(Workspace, channel, week), new ChannelRef(channel), DateTimeOffset.UnixEpoch, RenderedViews.Digest(2));

    /// <summary>The outbox entry of an attempt that started now and whose outcome was never recorded.</summary>
    private OutboxEntry InDoubt(PlannedDigest digest) => new()
    {
        Key = digest.Key,
        State = OutboxState.Sending,
        Digest = digest,
        CreatedAt = _time.GetUtcNow(),
        UpdatedAt = _time.GetUtcNow(),
        Attempts = 1,
        AttemptId = Guid.NewGuid(),
        AttemptStartedAt = _time.GetUtcNow(),
    };

    [Fact]
    public async Task CheckAsync_PostLandedButItsAnswerWasLost_PostedWithItsTs()
    {
        var digest = Planned("C01");
        var entry = InDoubt(digest);
        var lost = FakeSlackReply.PostedButNoAnswer();
        _api.Script("chat.postMessage", lost);

        // The post lands but its answer never comes: the sender's client gives up after half a second.
        var sent = await Sender(Client(TimeSpan.FromMilliseconds(500))).SendAsync(digest, CancellationToken.None);
        lost.Release();
        Assert.Equal(DeliveryStatus.Unknown, sent.Status);

        var result = await Check().CheckAsync(entry, CancellationToken.None);

        Assert.Equal(DeliveryCheckStatus.Posted, result.Status);
        Assert.Equal(Assert.Single(_api.Posts).Ts, result.MessageId);
        var history = Assert.Single(_api.CallsTo("conversations.history")).Form;
        Assert.Equal("C01", history["channel"]);
        Assert.Equal("true", history["include_all_metadata"]);
        Assert.Equal(SlackDigestDeliveryCheck.Ts(entry.AttemptStartedAt!.Value - SlackDigestDeliveryCheck.ClockSkew), history["oldest"]);
        Assert.Equal("Bearer xoxb-acme", _api.CallsTo("conversations.history")[0].Authorization);
    }

    [Fact]
    public async Task CheckAsync_OnlyOtherWeeksAndChannelsPosted_NotPosted()
    {
        await Sender().SendAsync(Planned("C01", "2026-W09"), CancellationToken.None);
        await Sender().SendAsync(Planned("C02"), CancellationToken.None);
        await _client.PostMessageAsync(new SlackTeamKey(null, "T0ACME"), "C01", new SlackMessage("chatter", []), CancellationToken.None);

        var result = await Check().CheckAsync(InDoubt(Planned("C01")), CancellationToken.None);

        Assert.Equal(DeliveryCheckStatus.NotPosted, result.Status);
    }

    [Fact]
    public async Task CheckAsync_BusyChannelAfterTheDigest_ReadsEveryPageUntilFound()
    {
        var digest = Planned("C03");
        var entry = InDoubt(digest);
        await Sender().SendAsync(digest, CancellationToken.None);
        for (var i = 0; i < SlackDigestDeliveryCheck.PageSize * 2; i++)
            await _client.PostMessageAsync(new SlackTeamKey(null, "T0ACME"), "C03", new SlackMessage($"message {i}", []), CancellationToken.None);

        var result = await Check().CheckAsync(entry, CancellationToken.None);

        Assert.Equal(DeliveryCheckStatus.Posted, result.Status);
        var pages = _api.CallsTo("conversations.history");
        Assert.Equal(3, pages.Count);
        Assert.Equal(["0", "15", "30"], pages.Select(p => p.Form.GetValueOrDefault("cursor") ?? "0"));
    }

    [Fact]
    public async Task CheckAsync_DigestPostedBeforeTheAttemptStarted_NotLookedFor()
    {
        var digest = Planned("C04");
        await Sender().SendAsync(digest, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var result = await Check().CheckAsync(InDoubt(digest), CancellationToken.None);

        Assert.Equal(DeliveryCheckStatus.NotPosted, result.Status);
    }

    [Theory]
    [InlineData("missing_scope", DeliveryCheckStatus.CannotTell)]
    [InlineData("not_in_channel", DeliveryCheckStatus.CannotTell)]
    [InlineData("channel_not_found", DeliveryCheckStatus.CannotTell)]
    [InlineData("internal_error", DeliveryCheckStatus.TryLater)]
    public async Task CheckAsync_SlackRefusesTheHistory_CannotTellOrTryLater(string error, DeliveryCheckStatus expected)
    {
        _api.Script("conversations.history", FakeSlackReply.Error(error));

        var result = await Check().CheckAsync(InDoubt(Planned("C05")), CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(error, result.Detail);
    }

    [Fact]
    public async Task CheckAsync_RateLimitedOrDown_TryLaterWithoutWaiting()
    {
        _api.Script("conversations.history", FakeSlackReply.RateLimited(30), FakeSlackReply.HttpStatus(503));

        var limited = await Check().CheckAsync(InDoubt(Planned("C06")), CancellationToken.None);
        var down = await Check().CheckAsync(InDoubt(Planned("C06")), CancellationToken.None);

        Assert.Equal((DeliveryCheckStatus.TryLater, "ratelimited"), (limited.Status, limited.Detail));
        Assert.Equal((DeliveryCheckStatus.TryLater, "http_503"), (down.Status, down.Detail));
        Assert.Empty(_time.RequestedDelays);
    }
}
