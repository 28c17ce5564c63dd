using System.Net;
using AccountBot.Adapters.FollowUps;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>The Bot Connector is slow or throttling: the 200 does not wait for it, and no reply is lost.</summary>
public sealed class TeamsBackPressureTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    // Retry waits jump instead of passing in real time, so a storm of Retry-Afters costs nothing here.
    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(services => services.AddSingleton<TimeProvider>(new VirtualTimeProvider()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StalledConnector_MessageIsAnsweredBeforeTheReplyGoesOut()
    {
        var release = new TaskCompletionSource();
        _host.Connector.HoldUntil(release.Task);

        // If the 200 waited for the reply, this would never return (the connector holds it until released).
        using var response = await _host.PostWithoutWaitingAsync(new ActivityBuilder().Message("map help").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queue = _host.Services.GetRequiredService<FollowUpQueue>();
        Assert.Equal(1, queue.Pending);
        release.SetResult();
        await queue.WhenIdleAsync();
        Assert.Contains("map Acme", _host.Card(0).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottlingStorm_EveryMessageIsAnswered_EveryReplyArrivesOnce()
    {
        const int Messages = 12;
        const int Throttled = 40;
        for (var i = 0; i < Throttled; i++)
            _host.Connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "3");

        var responses = await Task.WhenAll(Enumerable.Range(0, Messages).Select(i =>
            _host.PostWithoutWaitingAsync(new ActivityBuilder().Message("map help").With(a => a with { Id = "storm-" + i }).Build())));
        await _host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var requests = _host.Connector.Requests;
        Assert.Equal(Throttled + Messages, requests.Count);
        var targets = requests.Select(r => r.RawTarget).ToList();
        for (var i = 0; i < Messages; i++)
        {
            // Throttled attempts plus exactly one that went through, per message.
            Assert.Contains(targets, t => t.EndsWith("/activities/storm-" + i, StringComparison.Ordinal));
        }

        Assert.Equal(Messages, targets.Distinct().Count());

        // Each throttled send waited the connector's Retry-After (3 s), not the queue's default.
        var waits = ((VirtualTimeProvider)_host.Services.GetRequiredService<TimeProvider>()).RequestedDelays;
        Assert.Equal(Throttled, waits.Count(w => w == TimeSpan.FromSeconds(3)));
        Assert.DoesNotContain(FollowUpQueue.DefaultRetryDelay, waits);
        foreach (var response in responses)
            response.Dispose();
    }
}
