using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Nudges;

/// <summary>The reminder runner plans nudges into the outbox beside the digests and sends each once, retrying failures.</summary>
public sealed class NudgeRunTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly UserRef Ana = new("U1", "Ana Rep");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAccountMapStore _maps = new();
    private readonly InMemoryChannelSettingsStore _settings = new();
    private readonly InMemoryDigestOutbox _outbox = new();
    private readonly InMemoryNotifySettingsStore _notify = new();
    private readonly RecordingNudgeSender _sender = new();

    [Fact]
    public async Task Run_DueStep_SentOnce_ThenNothingMoreThatDay_AndNextRunIsWithinTheQuarterHour()
    {
        await SeedAsync();
        var runner = Runner();

        var first = await runner.RunAsync(null, CancellationToken.None);
        var second = await runner.RunAsync(null, CancellationToken.None);

        var nudge = Assert.Single(first.Nudges);
        Assert.Equal(NudgeKeys.DueSteps(Workspace, "U1", new DateOnly(2026, 3, 4)), nudge.Key);
        Assert.Equal(OutboxState.Sent, Assert.Single(first.Outcomes).State);
        Assert.Empty(second.Nudges);
        Assert.Single(_sender.Sent);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 15, 0, TimeSpan.Zero), first.NextOccurrence);
    }

    [Fact]
    public async Task Run_SenderAsksToRetry_SentOnTheNextRunAfterTheDelay_StillOnce()
    {
        await SeedAsync();
        _sender.Next.Enqueue(DeliveryResult.RetryLater("slack is down"));
        var runner = Runner();

        var first = await runner.RunAsync(null, CancellationToken.None);
        Assert.Equal(OutboxState.Pending, Assert.Single(first.Outcomes).State);
        _time.Advance(TimeSpan.FromHours(1));
        await runner.RunAsync(null, CancellationToken.None);
        await runner.RunAsync(null, CancellationToken.None);

        Assert.Equal(2, _sender.Calls);
        Assert.Single(_sender.Sent);
        Assert.Equal(OutboxState.Sent, (await _outbox.GetAsync(first.Nudges[0].Key, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Preview_ListsTheNudge_WritesNothing()
    {
        await SeedAsync();

        var preview = await Runner().PreviewAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.Single(preview.Nudges);
        Assert.Empty(_outbox.All);
        Assert.Empty(_sender.Sent);
    }

    private ReminderRunner Runner() => new(
        _maps, _settings, _outbox, [], new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), _time), new ReminderDeliveryOptions(), _time,
        nudges: new NudgeDelivery(new NudgePlanner(new ReminderOptions(), _time), _notify, [_sender]));

    private async Task SeedAsync()
    {
        var jane = new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", RelationshipOwner = Ana, NextStep = "send the proposal", NextStepDue = new DateOnly(2026, 3, 3) };
        var map = MapBuilder.For(Workspace).Named("Acme").Build() with { Stakeholders = [jane] };
        var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created the map Acme", []);
        await _maps.SaveAsync(new Core.Accounts.MapWrite(map, history), CancellationToken.None);
    }

    private sealed class RecordingNudgeSender : INudgeSender
    {
        public Platform Platform => Platform.Slack;

        public Queue<DeliveryResult> Next { get; } = new();

        public List<PlannedNudge> Sent { get; } = [];

        public int Calls { get; private set; }

        public Task<DeliveryResult> SendAsync(PlannedNudge nudge, CancellationToken cancellationToken)
        {
            Calls++;
            var result = Next.Count > 0 ? Next.Dequeue() : DeliveryResult.Delivered("ts-1");
            if (result.Status == DeliveryStatus.Delivered)
            {
                Sent.Add(nudge);
            }

            return Task.FromResult(result);
        }
    }
}
