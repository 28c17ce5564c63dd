using System.Net;
using System.Text.Json.Nodes;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>Slack throttles the bot for longer than the Web API client's own retries: acks stay prompt, nothing is lost.</summary>
public sealed class SlackBackPressureTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    // The follow-up queue's retry waits (15 s without a hint) jump instead of passing in real time.
    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(services =>
        services.AddSingleton(sp => new FollowUpQueue(new VirtualTimeProvider(), sp.GetRequiredService<ILogger<FollowUpQueue>>())));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnnouncementsThrottledBeyondClientRetries_AreQueuedAgain_AndEachArrivesOnce()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        string[] people = ["Jane Doe", "John Roe", "Mary Major"];
        foreach (var _ in people)
        {
            using (await _host.CommandAsync("Acme add")) { }
        }

        var forms = _host.Api.CallsTo("views.open").Select(c => PrivateMetadataOf(c.Json)).ToList();

        // Slack:ApiRetry:MaxRetries is 2 here, so each burst of 3 answers 429 makes the client give up once.
        const int Throttled = 7;
        _host.Api.Script("chat.postMessage", [.. Enumerable.Range(0, Throttled).Select(_ => FakeSlackReply.RateLimited(0))]);
        for (var i = 0; i < people.Length; i++)
        {
            using var ack = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, forms[i], new Dictionary<string, JsonObject> { ["name"] = Text(people[i]) }));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await _host.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync();

        var posts = _host.Api.CallsTo("chat.postMessage");
        // Seven throttled attempts and exactly one delivered announcement per submission: none dropped, none doubled.
        Assert.Equal(Throttled + people.Length, posts.Count);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.Equal(people.Length, map!.Stakeholders.Count);
        Assert.All(people, p => Assert.Contains(posts, c => c.Json.GetRawText().Contains(p, StringComparison.Ordinal)));
    }
}
