using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Reminders;

/// <summary>
/// Reminder delivery as the bot ships it (the host's composition: real runner, outbox on a LiteDB file, Slack and Teams
/// digest senders, the Slack delivery check) against a fake Slack Web API and a fake Bot Connector on loopback, with one
/// fake clock shared by everything. <see cref="RunAsync"/> is one process lifetime: a new host is built on the same
/// database file, runs the reminder runner once (optionally dying at a <see cref="CrashPoint"/>), and is disposed.
/// </summary>
internal sealed class ReminderRig : IAsyncDisposable
{
    public static readonly WorkspaceKey SlackWorkspace = WorkspaceKey.ForSlack(null, "T0ACME");
    public static readonly WorkspaceKey TeamsWorkspace = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    /// <summary>Monday 3 March 2025, 09:00 UTC: the default schedule's occurrence of 2025-W10.</summary>
    public static readonly DateTimeOffset Monday0900 = MapBuilder.DefaultTime;

    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    // Bounds a broken test only; nothing waits on it in a passing run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-reminder-rig", Guid.NewGuid().ToString("N"));
    private readonly List<Task> _hangs = [];
    private readonly HashSet<Task> _handled = [];

    private ReminderRig(FakeTimeProvider time, FakeSlackApi slack, FakeConnector teams)
    {
        Time = time;
        Slack = slack;
        Teams = teams;
        Directory.CreateDirectory(_folder);
    }

    public FakeTimeProvider Time { get; }

    public FakeSlackApi Slack { get; }

    public FakeConnector Teams { get; }

    public string DatabasePath => Path.Combine(_folder, "bot.db");

    /// <summary>Settings on top of the rig's (one send at a time, 30 s–2 min backoff, 30 s send timeout).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public static async Task<ReminderRig> StartAsync()
    {
        var time = new FakeTimeProvider(Monday0900);
        return new ReminderRig(time, await FakeSlackApi.StartAsync(time), await FakeConnector.StartAsync());
    }

    /// <summary>
    /// A stale, empty map (no champion, nobody) in each workspace, linked to these channels, and the Teams channels'
    /// conversation addresses (as the bot stores them when added to a team), at the fake connector.
    /// </summary>
    public async Task SeedAsync(IReadOnlyList<string> slackChannels, IReadOnlyList<string> teamsChannels)
    {
        using var context = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);
        var maps = new LiteDbAccountMapStore(context, Time, NullLogger<LiteDbAccountMapStore>.Instance);
        var conversations = new LiteDbConversationStore(context);
        foreach (var (workspace, name, channels) in new[] { (SlackWorkspace, "Acme", slackChannels), (TeamsWorkspace, "Contoso", teamsChannels) })
        {
            if (channels.Count == 0)
            {
                continue;
            }

            var builder = MapBuilder.For(workspace).Named(name).At(Monday0900.AddDays(-60));
            foreach (var channel in channels)
            {
                builder = builder.LinkedTo(channel, "channel " + channel);
            }

            var map = builder.Build();
            var saved = await maps.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", [])), CancellationToken.None);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        }

        foreach (var channel in teamsChannels)
        {
            await conversations.SaveAsync(
                new ConversationAddress
                {
                    Workspace = TeamsWorkspace,
                    ChannelId = channel,
                    ConversationId = channel,
                    ConversationType = "channel",
                    ServiceUrl = Teams.ServiceUrl,
                    BotId = "28:bot",
                    BotName = "AccountBot",
                    TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                    UpdatedAt = Monday0900.AddDays(-60),
                },
                CancellationToken.None);
        }
    }

    /// <summary>The next chat.postMessage answers; the rig moves the clock past the send timeout when one stalls.</summary>
    public void ScriptSlack(params FakeSlackReply[] replies)
    {
        foreach (var reply in replies)
        {
            if (reply.IsStall)
            {
                _hangs.Add(reply.Stalled);
            }
        }

        Slack.Script("chat.postMessage", replies);
    }

    /// <summary>The next connector answers; the rig moves the clock past the send timeout when one hangs.</summary>
    public void ScriptTeams(params FakeConnectorResponse[] responses)
    {
        foreach (var response in responses)
        {
            if (response.Hangs)
            {
                _hangs.Add(response.Arrived.Task);
            }

            Teams.Enqueue(response);
        }
    }

    /// <summary>One process: a new host on the database file runs the reminder runner once. Null when it "crashed".</summary>
    public async Task<ReminderRunReport?> RunAsync(CrashPoint? crash = null)
    {
        await using var app = Build(crash);
        var run = app.Services.GetRequiredService<ReminderRunner>().RunAsync(null, CancellationToken.None);

        // A send that hangs is only given up when the clock passes the send timeout: move it once per hang.
        while (!run.IsCompleted)
        {
            var waiting = _hangs.Where(h => !_handled.Contains(h)).Prepend(run).ToList();
            var first = await Task.WhenAny(waiting).WaitAsync(Guard);
            if (first == run)
            {
                break;
            }

            _handled.Add(first);
            Time.Advance(SendTimeout);
        }

        try
        {
            return await run;
        }
        catch (SimulatedCrashException)
        {
            return null;
        }
    }

    /// <summary>Runs (new host each time) at each due time until nothing is pending or in doubt; returns the last report.</summary>
    public async Task<ReminderRunReport> DrainAsync(int maxRuns = 30)
    {
        for (var i = 0; i < maxRuns; i++)
        {
            var report = await RunAsync();
            Assert.NotNull(report);
            if (report.NextRetryAt is not { } next)
            {
                return report;
            }

            Time.SetUtcNow(next > Time.GetUtcNow() ? next : Time.GetUtcNow());
        }

        throw new InvalidOperationException($"Still not drained after {maxRuns} runs.");
    }

    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync()
    {
        using var context = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);
        var outbox = new LiteDbDigestOutbox(context);
        var all = new List<OutboxEntry>();
        foreach (var state in Enum.GetValues<OutboxState>())
        {
            all.AddRange(await outbox.ListByStateAsync(state, CancellationToken.None));
        }

        return all;
    }

    /// <summary>The digest keys of the Slack posts that landed, by channel (from their message metadata).</summary>
    public IReadOnlyList<(string Channel, string Key)> SlackDigests() =>
        [.. Slack.Posts.Select(p => (p.Channel, p.Metadata!.Value.GetProperty("event_payload").GetProperty("digest_key").GetString()!))];

    /// <summary>The Teams channels that got a new digest thread, one entry per thread the connector created.</summary>
    public IReadOnlyList<string> TeamsDigests() =>
        [.. Teams.Accepted
            .Where(r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Teams.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private WebApplication Build(CrashPoint? crash)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:LiteDb:Path"] = DatabasePath,
            ["Reminders:MaxParallelSends"] = "1",
            ["Reminders:RetryBaseDelay"] = "00:00:30",
            ["Reminders:RetryMaxDelay"] = "00:02:00",
            ["Reminders:MaxAttempts"] = "4",
            ["Reminders:SendTimeout"] = SendTimeout.ToString(),
            ["Slack:BotToken"] = "xoxb-rig",
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Teams:ConnectorRetry:MaxRetries"] = "0",
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.AddAccountBot();
        builder.Services.AddSingleton<TimeProvider>(Time);
        if (crash is { } point)
        {
            builder.Services.AddSingleton<IDigestOutbox>(sp => new CrashingDigestOutbox(new LiteDbDigestOutbox(sp.GetRequiredService<LiteDbContext>()), point));
        }

        return builder.Build();
    }
}
