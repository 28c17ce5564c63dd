using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Tests.WebApi;

/// <summary>The Web API client's retries, through the HttpClient the adapter registers (the policy Teams' connector uses too).</summary>
public sealed class SlackApiRetryTests : IAsyncLifetime
{
    private static readonly SlackTeamKey Acme = new(null, "T0ACME");

    private readonly VirtualTimeProvider _time = new();
    private readonly InMemorySlackInstallationStore _store = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private FakeSlackApi _fake = null!;
    private ServiceProvider _services = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackApi.StartAsync(_time);
        await _store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme" }, Ct);
        _services = RetryingSlackApiClient.Services(_fake.ApiBaseUrl, _store, _time, ("Slack:ApiRetry:MaxRetries", "2"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
        _timeout.Dispose();
    }

    private SlackApiClient Client => _services.GetRequiredService<SlackApiClient>();

    [Fact]
    public async Task PostMessage_ThrottledWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        _fake.Script("chat.postMessage", FakeSlackReply.RateLimited(7));

        await Client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct);

        var calls = _fake.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _time.RequestedDelays);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(7));
        Assert.Equal(calls[0].Json.GetRawText(), calls[1].Json.GetRawText());
    }

    [Fact]
    public async Task PostMessage_BadGatewayOnce_RetriedAfterABackoff()
    {
        _fake.Script("chat.postMessage", FakeSlackReply.HttpStatus(502));

        var posted = await Client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct);

        Assert.True(posted.Ok);
        Assert.Equal(2, _fake.CallsTo("chat.postMessage").Count);
        var wait = Assert.Single(_time.RequestedDelays);
        Assert.InRange(wait, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)); // first backoff step: BaseDelay with equal jitter
    }

    [Fact]
    public async Task PostMessage_ServerErrorNotTransient_NotRetried()
    {
        _fake.Script("chat.postMessage", FakeSlackReply.HttpStatus(500));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct));

        Assert.Equal("http_500", e.Error);
        Assert.Single(_fake.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_RetryAfterLongerThanTheTotalWait_GivesUpAtOnceWithIt()
    {
        _fake.Script("chat.postMessage", FakeSlackReply.RateLimited(120));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter); // for whoever retries later (the follow-up queue)
        Assert.Single(_fake.CallsTo("chat.postMessage"));
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task PostMessage_WaitsAddingUpPastTheTotalWait_StopsBeforeTheOneThatWouldPassIt()
    {
        await using var services = RetryingSlackApiClient.Services(_fake.ApiBaseUrl, _store, _time,
            ("Slack:ApiRetry:MaxRetries", "5"), ("Slack:ApiRetry:MaxTotalWait", "00:00:50"));
        _fake.Script("chat.postMessage", FakeSlackReply.RateLimited(20), FakeSlackReply.RateLimited(20), FakeSlackReply.RateLimited(20));

        var e = await Assert.ThrowsAsync<SlackApiException>(() =>
            services.GetRequiredService<SlackApiClient>().PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(3, _fake.CallsTo("chat.postMessage").Count); // 20 s + 20 s waited; a third 20 s would pass 50 s
        Assert.Equal([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)], _time.RequestedDelays);
    }

    [Fact]
    public async Task PostMessage_ThrottledEveryTime_GivesUpAfterMaxRetries()
    {
        _fake.Script("chat.postMessage", [.. Enumerable.Range(0, 4).Select(_ => FakeSlackReply.RateLimited(1))]);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(3, _fake.CallsTo("chat.postMessage").Count); // first try + Slack:ApiRetry:MaxRetries (2)
    }

    [Fact]
    public async Task OpenView_ThrottledBeforeTheAck_FailsAtOnceWithoutWaiting()
    {
        // Slack's shortest Retry-After: waiting it out and asking again would eat most of the 2.5 s ack budget.
        _fake.Script("views.open", FakeSlackReply.RateLimited(1));

        var e = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client.OpenViewAsync(Acme, "trigger-1", new ModalView("cb", "Add", [new DividerBlock()]), Ct));

        Assert.Equal("ratelimited", e.Error);
        Assert.Single(_fake.CallsTo("views.open"));
        Assert.Empty(_time.RequestedDelays);
    }

    [Fact]
    public async Task OpenView_BadGatewayBeforeTheAck_NotRetried()
    {
        _fake.Script("views.open", FakeSlackReply.HttpStatus(502));

        var e = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client.OpenViewAsync(Acme, "trigger-1", new ModalView("cb", "Add", [new DividerBlock()]), Ct));

        Assert.Equal("http_502", e.Error);
        Assert.Single(_fake.CallsTo("views.open"));
    }
}
