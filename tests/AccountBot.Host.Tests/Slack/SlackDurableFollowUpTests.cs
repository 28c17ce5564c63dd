using System.Net;
using System.Text.Json.Nodes;
using AccountBot.Core.Abstractions;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Rendering;
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
