using AccountBot.Slack.Tests.WebApi;
using Microsoft.Extensions.DependencyInjection;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Bot;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Tests.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Bot;

public sealed class SlackDigestSenderTests : IAsyncLifetime
{
    private FakeSlackApi _api = null!;
    private readonly InMemorySlackInstallationStore _store = new();

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        await _store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme" }, CancellationToken.None);
        await _store.SaveAsync(new SlackInstallation { EnterpriseId = "E0GRID", TeamId = "T0GRID", BotToken = "xoxb-grid" }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private SlackDigestSender Sender(TimeSpan? timeout = null, TimeProvider? time = null)
    {
        var http = new HttpClient { BaseAddress = _api.ApiBaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        time ??= TimeProvider.System;
        var client = new SlackApiClient(http, _store, new SlackChannelPacer(time), time, NullLogger<SlackApiClient>.Instance);
        return Sender(client, time);
    }

    private static SlackDigestSender Sender(SlackApiClient client, TimeProvider time)
    {
        return new SlackDigestSender(client, new SlackMessageRenderer(), new SlackSharedChannels(time, NullLogger<SlackSharedChannels>.Instance), NullLogger<SlackDigestSender>.Instance);
    }

    private static PlannedDigest Planned(string team, string channel, string? enterprise = null) =>
        new(new DigestKey(WorkspaceKey.ForSlack(enterprise, team), channel, "2026-W10"), new ChannelRef(channel), DateTimeOffset.UnixEpoch, RenderedViews.Digest(3));

    [Fact]
    public async Task SendAsync_Ok_DeliveredWithTheWorkspaceToken()
    {
        var result = await Sender().SendAsync(Planned("T0GRID", "C01", "E0GRID"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var call = Assert.Single(_api.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer xoxb-grid", call.Authorization);
        Assert.Equal("C01", call.Json.GetProperty("channel").GetString());
        Assert.Contains("Weekly account review", call.Body, StringComparison.Ordinal);
        Assert.False(call.Json.TryGetProperty("response_type", out _));
    }

    [Fact]
    public async Task SendAsync_ChannelSharedWithAnotherOrganisation_PermanentFailureSayingWhyAndNothingPosted()
    {
        _api.Script("conversations.info", FakeSlackReply.OkJson("""{"ok":true,"channel":{"id":"C0SHARED","is_ext_shared":true}}"""));

        var result = await Sender().SendAsync(Planned("T0ACME", "C0SHARED"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Equal(SlackDigestSender.SharedChannelReason, result.Detail);
        Assert.Empty(_api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SendAsync_Ok_PostsTheDigestKeyAsMessageMetadata()
    {
        var digest = Planned("T0ACME", "C01");

        await Sender().SendAsync(digest, CancellationToken.None);

        var metadata = Assert.Single(_api.CallsTo("chat.postMessage")).Json.GetProperty("metadata");
        Assert.Equal(SlackDigestMetadata.EventType, metadata.GetProperty("event_type").GetString());
        Assert.Equal(digest.Key.Value, metadata.GetProperty("event_payload").GetProperty("digest_key").GetString());
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    [InlineData("is_archived")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task SendAsync_GoneForGood_Permanent(string error)
    {
        _api.Script("chat.postMessage", FakeSlackReply.Error(error));

        var result = await Sender().SendAsync(Planned("T0ACME", "C02"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Equal(error, result.Detail);
    }

    [Fact]
    public async Task SendAsync_NoInstallation_Permanent()
    {
        var result = await Sender().SendAsync(Planned("T0GONE", "C03"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Empty(_api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SendAsync_RateLimited_ThrottledWithSlacksRetryAfterWithoutWaitingItOut()
    {
        // The client retries other calls (the adapter's HttpClient) and the clock jumps: a waiting client would try a second time.
        var time = new VirtualTimeProvider();
        _api.Script("chat.postMessage", FakeSlackReply.RateLimited(42));
        await using var services = RetryingSlackApiClient.Services(_api.ApiBaseUrl, _store, time, ("Slack:ApiRetry:MaxRetries", "3"));

        var result = await Sender(services.GetRequiredService<SlackApiClient>(), time).SendAsync(Planned("T0ACME", "C04"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.True(result.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RetryAfter);
        Assert.Single(_api.CallsTo("chat.postMessage"));
        Assert.Empty(time.RequestedDelays);
    }

    [Fact]
    public async Task SendAsync_SameChannelTwiceAndAnotherChannel_SlackSeesOnePostPerSecondPerChannel()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var api = await FakeSlackApi.StartAsync(time);
        var http = new HttpClient { BaseAddress = api.ApiBaseUrl };
        var client = new SlackApiClient(
            http, _store, new SlackChannelPacer(time), time, NullLogger<SlackApiClient>.Instance);
        var sender = new SlackDigestSender(client, new SlackMessageRenderer(), new SlackSharedChannels(TimeProvider.System, NullLogger<SlackSharedChannels>.Instance), NullLogger<SlackDigestSender>.Instance);
        var start = time.GetUtcNow();

        // The first two start together; the second post to C07 starts once the first is out, since each send
        // asks conversations.info before its turn and could otherwise take C07's first slot.
        var first = sender.SendAsync(Planned("T0ACME", "C07"), CancellationToken.None);
        var other = sender.SendAsync(Planned("T0ACME", "C08"), CancellationToken.None);
        await Task.WhenAll(first, other);
        var second = sender.SendAsync(Planned("T0ACME", "C07") with { Key = new DigestKey(WorkspaceKey.ForSlack(null, "T0ACME"), "C07", "2026-W11") }, CancellationToken.None);

        // The second post to C07 waits for the clock, which has not moved.
        Assert.False(second.IsCompleted);
        Assert.Equal(2, api.Posts.Count);
        time.Advance(SlackChannelPacer.Interval);
        Assert.Equal(DeliveryStatus.Delivered, (await second).Status);

        var posts = api.Posts;
        Assert.Equal([start, start + SlackChannelPacer.Interval], posts.Where(p => p.Channel == "C07").Select(p => p.At));
        Assert.Equal([start], posts.Where(p => p.Channel == "C08").Select(p => p.At));
    }

    [Fact]
    public async Task SendAsync_ServerError_RetryLater()
    {
        _api.Script("chat.postMessage", FakeSlackReply.HttpStatus(503));

        var result = await Sender().SendAsync(Planned("T0ACME", "C05"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
    }

    [Fact]
    public async Task SendAsync_Timeout_UnknownBecauseSlackMayHavePostedIt()
    {
        var stall = FakeSlackReply.PostedButNoAnswer();
        _api.Script("chat.postMessage", stall);

        var result = await Sender(TimeSpan.FromMilliseconds(300)).SendAsync(Planned("T0ACME", "C06"), CancellationToken.None);
        stall.Release();

        Assert.Equal(DeliveryStatus.Unknown, result.Status);
        Assert.Equal("timeout", result.Detail);
        Assert.Single(_api.Posts);
    }

    [Fact]
    public async Task SendAsync_SlackUnreachable_RetryLater()
    {
        var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
        var client = new SlackApiClient(
            http, _store, new SlackChannelPacer(TimeProvider.System), TimeProvider.System, NullLogger<SlackApiClient>.Instance);

        var result = await new SlackDigestSender(client, new SlackMessageRenderer(), new SlackSharedChannels(TimeProvider.System, NullLogger<SlackSharedChannels>.Instance), NullLogger<SlackDigestSender>.Instance)
            .SendAsync(Planned("T0ACME", "C09"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
    }

    [Fact]
    public void TeamKeyOf_GridAndPlainWorkspaces()
    {
        Assert.Equal(new SlackTeamKey(null, "T01"), SlackDigestSender.TeamKeyOf(WorkspaceKey.ForSlack(null, "T01")));
        Assert.Equal(new SlackTeamKey("E01", "T01"), SlackDigestSender.TeamKeyOf(WorkspaceKey.ForSlack("E01", "T01")));
    }
}
