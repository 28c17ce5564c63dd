using AccountBot.Core.Reminders;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

/// <summary>Pruning old outbox entries never lets a week be planned, let alone sent, a second time.</summary>
public sealed class ReminderPruneTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private readonly DeliveryHarness h = new();

    [Fact]
    public async Task PruneAsync_TwentyWeeksSent_OldWeeksGoneLatestAndRecentKept()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        for (var week = 0; week < 20; week++)
        {
            await h.RunAsync();
            h.Time.Advance(TimeSpan.FromDays(7));
        }

        var removed = await h.Runner().PruneAsync(h.Time.GetUtcNow() - Retention, CancellationToken.None);

        // Weeks 10..29 were sent a week apart; now is week 30, so weeks 10..17 are more than 90 days old, per channel.
        Assert.Equal(16, removed);
        Assert.Equal(
            [.. Enumerable.Range(18, 12).Select(w => $"2026-W{w:D2}")],
            h.Outbox.All.Where(e => e.Key.ChannelId == Deals.Id).Select(e => e.Key.Week));
        await h.RunAsync();
        Assert.Equal(42, h.Slack.Delivered.Select(d => d.Key).Distinct().Count());
        Assert.Equal(42, h.Slack.Delivered.Count);
    }

    [Fact]
    public async Task PruneAsync_PendingAndInDoubtEntries_KeptWhateverTheirAge()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        h.Slack.Script(Deals.Id, DeliveryResult.Throttle("ratelimited", TimeSpan.FromDays(200)));
        h.Slack.Script(Emea.Id, [null]);
        await h.RunPastHangingSlackSendAsync();

        h.Time.Advance(TimeSpan.FromDays(150));
        var removed = await h.Runner().PruneAsync(h.Time.GetUtcNow() - Retention, CancellationToken.None);

        Assert.Equal(0, removed);
        Assert.Equal([OutboxState.Pending, OutboxState.Sending], h.Outbox.All.Select(e => e.State));
    }

    [Fact]
    public async Task RunAsync_YearlyScheduleAfterPruning_LatestWeekStillDoneNoSecondDigest()
    {
        // A schedule whose latest occurrence is older than the retention: 1 January, 09:00.
        var yearly = new ReminderOptions { Schedule = "0 9 1 1 *" };
        await h.AddStaleMapAsync("Acme", Deals);
        h.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var runner = new ReminderRunner(h.Maps, h.Settings, h.Outbox, [h.Slack], Planner(h.Time, yearly), h.Options, h.Time);
        await runner.RunAsync(null, CancellationToken.None);
        Assert.Single(h.Slack.Delivered);

        h.Time.SetUtcNow(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await runner.PruneAsync(h.Time.GetUtcNow() - Retention, CancellationToken.None);
        var report = await runner.RunAsync(null, CancellationToken.None);

        Assert.Empty(report.Planned);
        Assert.Single(h.Slack.Delivered);
        // 1 January 2027 is a Friday: ISO week 53 of 2026.
        Assert.Equal("2026-W53", Assert.Single(h.Outbox.All).Key.Week);
    }

    [Fact]
    public async Task RunAsync_WeekOlderThanOneAlreadyInTheOutbox_NotPlanned()
    {
        // Week 11 is in the outbox (say, the channel's time zone runs ahead); week 10's entry is gone (pruned).
        await h.AddStaleMapAsync("Acme", Deals);
        var now = h.Time.GetUtcNow();
        await h.Outbox.TryAddAsync(
            new OutboxEntry { Key = new DigestKey(Workspace, Deals.Id, "2026-W11"), State = OutboxState.Settled, CreatedAt = now, UpdatedAt = now },
            CancellationToken.None);

        var report = await h.RunAsync();

        Assert.Empty(report.Planned);
        Assert.Empty(report.Settled);
        Assert.Empty(h.Slack.Calls);
    }
}
