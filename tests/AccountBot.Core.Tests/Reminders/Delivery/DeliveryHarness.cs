using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

/// <summary>
/// In-memory stores, a fake clock and scripted senders that outlive any one <see cref="ReminderRunner"/>:
/// building a new runner over them is a process restart.
/// </summary>
internal sealed class DeliveryHarness
{
    public static readonly WorkspaceKey TeamsWorkspace = WorkspaceKey.ForTeams("72f988bf-0000-0000-0000-000000000001");

    public FakeTimeProvider Time { get; } = new(Monday0900);
    public InMemoryAccountMapStore Maps { get; } = new();
    public InMemoryChannelSettingsStore Settings { get; } = new();
    public InMemoryDigestOutbox Outbox { get; } = new();
    public ScriptedDigestSender Slack { get; } = new(Platform.Slack);
    public ScriptedDigestSender Teams { get; } = new(Platform.Teams);

    public ReminderDeliveryOptions Options { get; } = new()
    {
        MaxParallelSends = 1,
        RetryBaseDelay = TimeSpan.FromMinutes(1),
        RetryMaxDelay = TimeSpan.FromMinutes(30),
        MaxAttempts = 4,
        SendTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>When set, every runner asks it about interrupted attempts.</summary>
    public IDigestDeliveryCheck? Check { get; set; }

    public ReminderRunner Runner(IDigestOutbox? outbox = null, IEnumerable<IDigestSender>? senders = null) =>
        new(Maps, Settings, outbox ?? Outbox, senders ?? [Slack, Teams], Planner(Time), Options, Time, Check is null ? null : [Check]);

    public Task<ReminderRunReport> RunAsync(string? channelId = null) => Runner().RunAsync(channelId, CancellationToken.None);

    /// <summary>A run in which a Slack send hangs (scripted <c>null</c>) until the runner's send timeout has passed.</summary>
    public async Task<ReminderRunReport> RunPastHangingSlackSendAsync()
    {
        var run = RunAsync();
        await Slack.Hanging;
        Time.Advance(Options.SendTimeout);
        return await run;
    }

    public async Task<AccountMap> AddMapAsync(AccountMap map)
    {
        var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, $"created the map {map.Name}", []);
        var result = await Maps.SaveAsync(new MapWrite(map, history), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Map!;
    }

    /// <summary>A stale map with gaps (so its channels get a digest) in the Slack workspace.</summary>
    public Task<AccountMap> AddStaleMapAsync(string name, params ChannelRef[] channels) => AddMapAsync(Map(name, Monday0900.AddDays(-90), channels));

    public OutboxEntry Entry(ChannelRef channel, string week = "2026-W10") =>
        Outbox.All.Single(e => e.Key == new DigestKey(Workspace, channel.Id, week));
}
