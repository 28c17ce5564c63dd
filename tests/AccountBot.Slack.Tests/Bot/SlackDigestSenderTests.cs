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

    private SlackDigestSender Sender(TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = _api.ApiBaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        var options = Options.Create(new SlackOptions { ApiBaseUrl = _api.ApiBaseUrl, MaxRateLimitRetries = 0 });
        var client = new SlackApiClient(http, _store, new SlackChannelPacer(TimeProvider.System), TimeProvider.System, options, NullLogger<SlackApiClient>.Instance);
        return new SlackDigestSender(client, new SlackMessageRenderer(), NullLogger<SlackDigestSender>.Instance);
    }

    private static PlannedDigest Planned(string team, string channel, string? enterprise = null) =>
        new(new DigestKey(WorkspaceKey.ForSlack(enterprise, team), channel, "2026-W10"), new ChannelRef(channel), DateTimeOffset.UnixEpoch, RenderedViews.Digest(3));

    [Fact]
    public async Task SendAsync_Ok_DeliveredWithTheWorkspaceToken()
    {
        var result = await Sender().SendAsync(Planned("T0GRID", "C01", "E0GRID"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var call = Assert.Single(_api.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer xoxb-grid", call.Authorization);
        Assert.Equal("C01", call.Json.GetProperty("channel").GetString());
        Assert.Contains("Weekly account review", call.Body, StringComparison.Ordinal);
        Assert.False(call.Json.TryGetProperty("response_type", out _));
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

        var result = await Sender().SendAsync(Planned("T0ACME", "C02"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Equal(error, result.Detail);
    }

    [Fact]
    public async Task SendAsync_NoInstallation_Permanent()
    {
        var result = await Sender().SendAsync(Planned("T0GONE", "C03"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Empty(_api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SendAsync_RateLimited_RetryLater()
    {
        _api.Script("chat.postMessage", FakeSlackReply.RateLimited(30));

        var result = await Sender().SendAsync(Planned("T0ACME", "C04"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.NotNull(result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ServerError_RetryLater()
    {
        _api.Script("chat.postMessage", FakeSlackReply.HttpStatus(503));

        var result = await Sender().SendAsync(Planned("T0ACME", "C05"), null, CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
    }

    [Fact]
    public async Task SendAsync_Timeout_RetryLater()
    {
        var stall = FakeSlackReply.Stall();
        _api.Script("chat.postMessage", stall);

        var result = await Sender(TimeSpan.FromMilliseconds(300)).SendAsync(Planned("T0ACME", "C06"), null, CancellationToken.None);
        stall.Release();

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.Equal("timeout", result.Detail);
    }

    [Fact]
    public void TeamKeyOf_GridAndPlainWorkspaces()
    {
        Assert.Equal(new SlackTeamKey(null, "T01"), SlackDigestSender.TeamKeyOf(WorkspaceKey.ForSlack(null, "T01")));
        Assert.Equal(new SlackTeamKey("E01", "T01"), SlackDigestSender.TeamKeyOf(WorkspaceKey.ForSlack("E01", "T01")));
    }
}
