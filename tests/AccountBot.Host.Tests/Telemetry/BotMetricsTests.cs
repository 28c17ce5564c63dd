using System.Diagnostics.Metrics;
using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Slack;
using AccountBot.Host.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AccountBot.Host.Tests.Telemetry;

/// <summary>
/// The bot's own instruments, read from the real host's meter factory while signed Slack and Teams requests and the
/// host's reminder runner do their work against the fake platforms.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class BotMetricsTests
{
    private const string Meter = "AccountBot";
    private const string Channel = "C0DEALS";

    [Fact]
    public async Task Digest_SentByTheHostsRunner_CountsOnePlannedAndOneSent()
    {
        await using var host = await SlackBotHost.StartAsync();
        using var planned = Collect<long>(host, "accountbot.digests.planned");
        using var sent = Collect<long>(host, "accountbot.digests.sent");
        using var failed = Collect<long>(host, "accountbot.digests.failed");
        await SeedStaleMapAsync(host);

        var report = await Service<ReminderRunner>(host).RunAsync(Channel, CancellationToken.None);

        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes).State);
        Assert.Equal("slack", Assert.Single(planned.GetMeasurementSnapshot()).Tags["accountbot.platform"]);
        Assert.Equal("slack", Assert.Single(sent.GetMeasurementSnapshot()).Tags["accountbot.platform"]);
        Assert.Empty(failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Digest_RefusedBySlack_CountsOneFailed()
    {
        await using var host = await SlackBotHost.StartAsync();
        using var sent = Collect<long>(host, "accountbot.digests.sent");
        using var failed = Collect<long>(host, "accountbot.digests.failed");
        await SeedStaleMapAsync(host);
        host.Api.Script("chat.postMessage", FakeSlackReply.Error("channel_not_found"));

        var report = await Service<ReminderRunner>(host).RunAsync(Channel, CancellationToken.None);

        Assert.Equal(OutboxState.Failed, Assert.Single(report.Outcomes).State);
        Assert.Equal(1, Assert.Single(failed.GetMeasurementSnapshot()).Value);
        Assert.Empty(sent.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SlackCommand_ThrottledOnce_CountsBothAttemptsOneThrottleAndOneRetry()
    {
        await using var host = await SlackBotHost.StartAsync();
        await host.SeedAsync("T0ACME", "Globex", ["Ada"]);
        using var calls = Collect<long>(host, "accountbot.api.calls");
        using var throttles = Collect<long>(host, "accountbot.api.throttles");
        using var retries = Collect<long>(host, "accountbot.api.retries");
        using var commands = Collect<long>(host, "accountbot.commands");
        host.Api.Script("conversations.info", FakeSlackReply.RateLimited(0));

        await host.CommandTextAsync("Globex");

        var info = calls.GetMeasurementSnapshot().Where(m => Equals(m.Tags["accountbot.api.operation"], "conversations.info")).ToList();
        Assert.Equal([429, 200], info.Select(m => (int)m.Tags["http.response.status_code"]!));
        Assert.All(info, m => Assert.Equal("slack", m.Tags["accountbot.platform"]));
        var throttle = Assert.Single(throttles.GetMeasurementSnapshot());
        Assert.Equal("conversations.info", throttle.Tags["accountbot.api.operation"]);
        // Counted like Teams' (#14): the second attempt is a retry, made by the same policy.
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal(("slack", "conversations.info"), (retry.Tags["accountbot.platform"], retry.Tags["accountbot.api.operation"]));
        var command = Assert.Single(commands.GetMeasurementSnapshot());
        Assert.Equal("map", command.Tags["accountbot.command.verb"]);
        Assert.Equal("slack", command.Tags["accountbot.platform"]);
    }

    [Fact]
    public async Task TeamsReply_ThrottledOnceThenAccepted_CountsAThrottleAndARetry()
    {
        await using var rig = await SignedTeamsRig.StartAsync("otel-metrics", "metrics-key", "msteams");
        await using var host = rig.Start(("Teams:ConnectorRetry:MaxRetries", "1"));
        using var calls = Collect<long>(host.Services, "accountbot.api.calls");
        using var throttles = Collect<long>(host.Services, "accountbot.api.throttles");
        using var retries = Collect<long>(host.Services, "accountbot.api.retries");
        rig.Connector.Enqueue(429, retryAfter: "0");

        var status = await rig.PostAsync(host, new ActivityBuilder().Message("map Acme").WithServiceUrl(rig.Connector.ServiceUrl).Build());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, rig.Connector.Requests.Count);
        var replies = calls.GetMeasurementSnapshot().Where(m => Equals(m.Tags["accountbot.api.operation"], "v3/conversations/{id}/activities/{id}")).ToList();
        Assert.Equal([429, 201], replies.Select(m => (int)m.Tags["http.response.status_code"]!));
        Assert.Equal("v3/conversations/{id}/activities/{id}", Assert.Single(throttles.GetMeasurementSnapshot()).Tags["accountbot.api.operation"]);
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal("teams", retry.Tags["accountbot.platform"]);
    }

    [Fact]
    public async Task SlackCommand_ReadsTheMapStore_TimesEachCallByPortAndMethod()
    {
        await using var host = await SlackBotHost.StartAsync();
        await host.SeedAsync("T0ACME", "Globex", ["Ada"]);
        using var store = Collect<double>(host, "accountbot.store.duration");

        await host.CommandTextAsync("Globex");

        var reads = store.GetMeasurementSnapshot().Where(m => Equals(m.Tags["accountbot.store"], nameof(IAccountMapStore))).ToList();
        Assert.Contains(reads, m => Equals(m.Tags["accountbot.store.operation"], nameof(IAccountMapStore.FindByNameAsync)));
        Assert.All(reads, m => Assert.True(m.Value >= 0));
        Assert.All(reads, m => Assert.False(m.Tags.ContainsKey("error.type")));
    }

    private static MetricCollector<T> Collect<T>(SlackBotHost host, string instrument)
        where T : struct => Collect<T>(host.Factory.Services, instrument);

    private static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct => new(services.GetRequiredService<IMeterFactory>(), Meter, instrument);

    private static T Service<T>(SlackBotHost host)
        where T : notnull => host.Factory.Services.GetRequiredService<T>();

    /// <summary>A map nobody has looked at for two months, linked to the channel: due a digest.</summary>
    private static async Task SeedStaleMapAsync(SlackBotHost host)
    {
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-60), new UserRef("U0BO", "bo"));
        var created = AccountMap.Create(WorkspaceKey.ForSlack(null, "T0ACME"), "Globex", MapKind.Sales, stamp, new ChannelRef(Channel, "deals"));
        var saved = await Service<IAccountMapStore>(host).SaveAsync(created, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
    }
}
