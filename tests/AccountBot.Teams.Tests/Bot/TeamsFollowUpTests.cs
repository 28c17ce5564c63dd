using AccountBot.Teams.Protocol;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// What a turn sends after its 200 goes through the follow-up queue one item at a time: a throttled item is sent
/// again on its own, never together with the items of its turn that already went out.
/// </summary>
public sealed class TeamsFollowUpTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    // Retry-After waits jump instead of passing, so the queue's retry happens within the test.
    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(services => services.AddSingleton<TimeProvider>(new VirtualTimeProvider()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SharedChannel_ChannelLineThrottled_IsSentAgainAlone_ThePersonalAnswerGoesOnce()
    {
        var channel = Uri.EscapeDataString(ActivityBuilder.ChannelId);
        var throttled = 0;
        _host.Connector.Responder = request =>
            request.RawTarget.Contains(channel, StringComparison.Ordinal) && request.RawTarget.Contains("/activities", StringComparison.Ordinal)
            && Interlocked.Increment(ref throttled) == 1
                ? new FakeConnectorResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", "5")
                : null;

        await _host.PostAsync(new ActivityBuilder().InChannel("map Acme create")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = "shared" } } }).Build());

        var requests = _host.Connector.Requests;
        Assert.Equal(2, throttled);
        Assert.Single(requests, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Single(requests, r => r.Body.Contains("Acme", StringComparison.Ordinal));
        Assert.Equal(4, requests.Count);
    }
}
