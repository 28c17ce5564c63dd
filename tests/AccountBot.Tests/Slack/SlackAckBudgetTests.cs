using System.Net;
using AccountBot.Slack.Routing;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public async Task AddCommand_ViewsOpenHangs_AnswersWhenTheAckBudgetRunsOut()
    {
        // The host's clock is a fake one, so the budget ends when the test says, not after a real wait.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SlackBotHost.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        await host.SeedAsync("T0ACME", "Acme", []);
        var hanging = FakeSlackReply.Stall();
        host.Api.Script("views.open", hanging);

        var answer = host.CommandAsync("Acme add Jane", triggerId: "trig-hanging");
        await hanging.Stalled.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(answer.IsCompleted);
        clock.Advance(SlackListenerContext.AckBudget);
        using var add = await answer.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Contains("Acme", await add.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        hanging.Release();
    }
}
