using System.Net;
using System.Text.Json.Nodes;
using AccountBot.Core.Abstractions;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// A map change announcement is kept in the database until Slack took it: a host stopped while it was being sent leaves
/// it stored, and the next host on the same database sends it once; one that was sent is not kept.
/// </summary>
public sealed class SlackDurableFollowUpTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-durable", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private Task<SlackBotHost> StartAsync() => SlackBotHost.StartAsync(settings:
    [
        ("Storage:LiteDb:Path", DatabasePath),
        // The stopping host gives up on the stalled send at once; what it leaves is the point of the test.
        ("FollowUps:DrainTimeout", "00:00:01"),
    ]);

    [Fact]
    public async Task Announcement_HostStoppedWhileSendingIt_NextHostOnTheSameDatabaseSendsItOnce()
    {
        var first = await StartAsync();
        var stall = FakeSlackReply.Stall();
        first.Api.Script("chat.postMessage", stall);
        await SubmitJaneAsync(first);
        await stall.Stalled.WaitAsync(Timeout());

        await first.DisposeAsync();
        Assert.Empty(first.Api.Posts);

        await using var second = await StartAsync();
        var announced = Assert.Single(await second.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        await second.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Timeout());
        Assert.Equal("C0DEALS", announced.Json.GetProperty("channel").GetString());
        Assert.Contains("Jane Doe", announced.Body, StringComparison.Ordinal);
        Assert.Single(second.Api.Posts);
        Assert.Empty(await StoredAsync(second));
    }

    [Fact]
    public async Task Announcement_Sent_NothingLeftStoredToSendAgain()
    {
        await using var host = await StartAsync();

        await SubmitJaneAsync(host);
        await host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout());
        await host.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Timeout());

        Assert.Empty(await StoredAsync(host));
        Assert.Single(host.Api.Posts);
    }

    [Fact]
    public async Task ResponseUrlAnswer_HostStoppedWhileSendingIt_NextHostOnTheSameDatabaseSendsItOnce()
    {
        // The response_url is the interaction's own, so it outlives both hosts' fake Web APIs.
        await using var responses = await FakeSlackApi.StartAsync();
        var stall = FakeSlackReply.Stall();
        responses.Script("response_url", stall);
        var first = await StartAsync();
        await first.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        using (var clicked = await first.InteractAsync(BlockAction("cmd:view", "map Acme", responseUrl: responses.ResponseUrl("button"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        await stall.Stalled.WaitAsync(Timeout());

        await first.DisposeAsync();

        await using var second = await StartAsync();
        var calls = await responses.WaitForCallsAsync("response_url", 2, Timeout());
        await second.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Timeout());
        Assert.Contains("Jane Doe", calls[1].Body, StringComparison.Ordinal);
        Assert.Equal(calls[0].Body, calls[1].Body);
        // The stalled one never got an answer; the second is the one Slack took, and there is no third.
        Assert.Equal(2, responses.CallsTo("response_url").Count);
        Assert.Empty(await StoredAsync(second));
    }

    [Fact]
    public async Task ResponseUrlAnswer_Sent_NothingLeftStored()
    {
        await using var host = await StartAsync();
        await host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        using (var clicked = await host.InteractAsync(BlockAction("cmd:view", "map Acme", responseUrl: host.Api.ResponseUrl("button"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var answer = Assert.Single(await host.Api.WaitForCallsAsync("response_url", 1, Timeout()));
        await host.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Timeout());

        Assert.Contains("Jane Doe", answer.Body, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task ResponseUrlAnswer_AsStored_HoldsTheUrlOnlyEncrypted()
    {
        await using var host = await StartAsync();
        var url = host.Api.ResponseUrl("secret-capability-42");

        var step = host.Factory.Services.GetRequiredService<SlackResponseUrls>().Step(url, new SlackMessage("Done."));
        await host.Factory.Services.GetRequiredKeyedService<IFollowUpSender>(step.Kind).SendAsync(step.Payload, CancellationToken.None);

        Assert.DoesNotContain("secret-capability-42", step.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("response/", step.Payload, StringComparison.Ordinal);
        Assert.Contains("Done.", Assert.Single(host.Api.CallsTo("response_url")).Body, StringComparison.Ordinal);
    }

    /// <summary>Every stored item, as an instance would claim it long after every lease ran out.</summary>
    private static Task<IReadOnlyList<StoredFollowUp>> StoredAsync(SlackBotHost host)
    {
        var later = DateTimeOffset.UtcNow.AddDays(1);
        return host.Factory.Services.GetRequiredService<IFollowUpOutbox>().ClaimExpiredAsync("probe", later, later.AddDays(1), 100, CancellationToken.None);
    }

    private static async Task SubmitJaneAsync(SlackBotHost host)
    {
        await host.SeedAsync("T0ACME", "Acme", []);
        using (var add = await host.CommandAsync("Acme add Jane", triggerId: "trig-add"))
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var metadata = PrivateMetadataOf(Assert.Single(host.Api.CallsTo("views.open")).Json);
        using var submitted = await host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text("Jane Doe"),
            ["power"] = Selected("4"),
        }));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }
}
