using System.Net;
using AccountBot.Testing.Slack;

namespace AccountBot.Tests.Slack;

/// <summary>
/// Web API calls a listener makes before its ack (views.open with the 3-second trigger id) never wait out a 429: the
/// answer goes back at once with the form as a message, instead of after the Retry-After, when Slack has given up.
/// </summary>
public sealed class SlackAckBudgetTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AddCommand_ViewsOpenThrottledForTenSeconds_AnswersAtOnceWithTheFormAsAMessage()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        _host.Api.Script("views.open", FakeSlackReply.RateLimited(10));

        using var add = await _host.CommandAsync("Acme add Jane", triggerId: "trig-throttled");

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        // Tried once: the host waited for no Retry-After (a second call would have come 10 s later, past Slack's 3 s).
        Assert.Single(_host.Api.CallsTo("views.open"));
        var fallback = await add.Content.ReadAsStringAsync();
        Assert.Contains("Acme", fallback, StringComparison.Ordinal);
        Assert.Contains("blocks", fallback, StringComparison.Ordinal);
    }
}
