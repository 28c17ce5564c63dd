using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

public sealed class ReminderRunnerTests
{
    private readonly DeliveryHarness h = new();

    [Fact]
    public async Task RunAsync_DueDigest_DeliveredOnceAndRecordedAsSent()
    {
        await h.AddStaleMapAsync("Acme", Deals);

        var report = await h.RunAsync();

        var digest = Assert.Single(h.Slack.Delivered);
        Assert.Equal(new DigestKey(Workspace, Deals.Id, "2026-W10"), digest.Key);
        Assert.Equal([digest.Key], report.Planned.Select(p => p.Key));
        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal("msg-1", entry.MessageId);
        Assert.Equal(Monday0900, entry.SentAt);
        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes).State);
    }

    [Fact]
    public async Task RunAsync_RunAgainSameWeek_NothingSentTwice()
    {
        await h.AddStaleMapAsync("Acme", Deals);

        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromHours(5));
        var second = await h.RunAsync();
        await h.Runner().RunAsync(null, CancellationToken.None);

        Assert.Single(h.Slack.Delivered);
        Assert.Empty(second.Planned);
        Assert.Empty(second.Outcomes);
    }

    [Fact]
    public async Task RunAsync_NextOccurrence_ReportedForTheScheduler()
    {
        await h.AddStaleMapAsync("Acme", Deals);

        var report = await h.RunAsync();

        Assert.Equal(Monday0900.AddDays(7), report.NextOccurrence);
        Assert.Null(report.NextRetryAt);
        Assert.Equal(Monday0900.AddDays(7), report.NextDueAt);
    }

    [Fact]
    public async Task RunAsync_NothingToReport_SettledWithoutSend()
    {
        await h.AddMapAsync(Covered("Calm", Monday0900.AddDays(-1), Deals));

        var report = await h.RunAsync();

        Assert.Empty(h.Slack.Calls);
        Assert.Equal([new DigestKey(Workspace, Deals.Id, "2026-W10")], report.Settled);
        Assert.Equal(OutboxState.Settled, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_GapAppearsLaterInSettledWeek_NoDigestMidWeek()
    {
        var calm = await h.AddMapAsync(Covered("Calm", Monday0900.AddDays(-1), Deals));
        await h.RunAsync();

        h.Time.Advance(TimeSpan.FromDays(2));
        await h.AddStaleMapAsync("Acme", Deals);
        await h.RunAsync();

        Assert.Empty(h.Slack.Calls);
        Assert.NotNull(calm);
    }

    [Fact]
    public async Task RunAsync_RetryLaterWithRetryAfter_WaitsAtLeastRetryAfterThenDelivers()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, DeliveryResult.RetryLater("429 ratelimited", TimeSpan.FromMinutes(7)));

        var first = await h.RunAsync();

        var outcome = Assert.Single(first.Outcomes);
        Assert.Equal(OutboxState.Pending, outcome.State);
        Assert.Equal(Monday0900.AddMinutes(7), outcome.NextAttemptAt);
        Assert.Equal(Monday0900.AddMinutes(7), first.NextRetryAt);
        Assert.Equal("429 ratelimited", h.Entry(Deals).LastError);

        h.Time.Advance(TimeSpan.FromMinutes(6));
        await h.RunAsync();
        Assert.Empty(h.Slack.Delivered);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();
        Assert.Single(h.Slack.Delivered);
        Assert.Equal(2, h.Entry(Deals).Attempts);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_RetryLaterWithoutRetryAfter_ExponentialBackoff()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, DeliveryResult.RetryLater("503"), DeliveryResult.RetryLater("503"), DeliveryResult.RetryLater("503"));

        var retries = new List<DateTimeOffset?>();
        for (var i = 0; i < 3; i++)
        {
            var report = await h.RunAsync();
            retries.Add(report.NextRetryAt);
            h.Time.SetUtcNow(report.NextRetryAt!.Value);
        }

        await h.RunAsync();
        Assert.Equal([Monday0900.AddMinutes(1), Monday0900.AddMinutes(3), Monday0900.AddMinutes(7)], retries);
        Assert.Single(h.Slack.Delivered);
    }

    [Fact]
    public async Task RunAsync_RetryLaterUntilMaxAttempts_RecordedAsPermanentFailure()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, [.. Enumerable.Repeat(DeliveryResult.RetryLater("500"), 10)]);

        for (var i = 0; i < 10; i++)
        {
            var report = await h.RunAsync();
            if (report.NextRetryAt is not { } next)
            {
                break;
            }

            h.Time.SetUtcNow(next);
        }

        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Failed, entry.State);
        Assert.Equal(h.Options.MaxAttempts, entry.Attempts);
        Assert.Equal(h.Options.MaxAttempts, h.Slack.Calls.Count);
        var failure = (await h.Settings.GetAsync(Workspace, Deals.Id, CancellationToken.None))!.LastFailure;
        Assert.Contains("Gave up after 4 attempts: 500", failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PermanentFailure_RecordedOnChannelAndOtherChannelsDelivered()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        h.Slack.Script(Deals.Id, DeliveryResult.Permanent("not_in_channel"));

        var report = await h.RunAsync();

        Assert.Equal([Emea.Id], h.Slack.Delivered.Select(d => d.ChannelId));
        Assert.Equal(OutboxState.Failed, h.Entry(Deals).State);
        Assert.Equal(OutboxState.Sent, h.Entry(Emea).State);
        var settings = await h.Settings.GetAsync(Workspace, Deals.Id, CancellationToken.None);
        Assert.Equal(new DeliveryFailure(Monday0900, "not_in_channel"), settings!.LastFailure);
        Assert.Equal([OutboxState.Failed, OutboxState.Sent], report.Outcomes.Select(o => o.State));

        // Not retried, next week not blocked.
        h.Time.Advance(TimeSpan.FromDays(7));
        await h.RunAsync();
        Assert.Equal([Emea.Id, Deals.Id, Emea.Id], h.Slack.Delivered.Select(d => d.ChannelId));
    }

    [Fact]
    public async Task RunAsync_DeliveredAfterEarlierFailure_ClearsLastFailureOnly()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        await h.Settings.TrySaveAsync(
            ChannelOf(Deals) with { StaleAfterDays = 10, LastFailure = new DeliveryFailure(Monday0900.AddDays(-7), "not_in_channel") },
            CancellationToken.None);

        await h.RunAsync();

        var settings = await h.Settings.GetAsync(Workspace, Deals.Id, CancellationToken.None);
        Assert.Null(settings!.LastFailure);
        Assert.Equal(10, settings.StaleAfterDays);
    }

    [Fact]
    public async Task RunAsync_NoSenderForPlatform_RecordedFailureNotCrash()
    {
        await h.AddStaleMapAsync("Acme", Deals);

        var report = await h.Runner(senders: [h.Teams]).RunAsync(null, CancellationToken.None);

        Assert.Equal(OutboxState.Failed, Assert.Single(report.Outcomes).State);
        Assert.Equal("No digest sender is registered for Slack.", h.Entry(Deals).LastError);
        Assert.NotNull((await h.Settings.GetAsync(Workspace, Deals.Id, CancellationToken.None))!.LastFailure);
    }

    [Fact]
    public async Task RunAsync_TeamsChannels_EachDigestGoesToTheTeamsSenderNamingItsChannelOnly()
    {
        // How Teams reaches a channel (its stored conversation address) is the sender's business, not the runner's.
        var general = new ChannelRef("19:general@thread.tacv2", "General");
        var sales = new ChannelRef("19:sales@thread.tacv2", "Sales");
        var map = Map("Contoso", Monday0900.AddDays(-90), general, sales) with { Workspace = DeliveryHarness.TeamsWorkspace };
        await h.AddMapAsync(map);
        h.Teams.Script(general.Id, DeliveryResult.Permanent("No Teams conversation address is stored for this channel."));

        var report = await h.RunAsync();

        Assert.Equal([OutboxState.Failed, OutboxState.Sent], report.Outcomes.Select(o => o.State));
        Assert.Equal([general.Id, sales.Id], h.Teams.Calls.Select(c => c.ChannelId).Order(StringComparer.Ordinal));
        Assert.Empty(h.Slack.Calls);
    }

    [Fact]
    public async Task RunAsync_SenderHangsPastTimeout_InDoubtThenSentAgainOnce()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, [null]);

        var report = await h.RunPastHangingSlackSendAsync();

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(OutboxState.Sending, outcome.State);
        var resolveAt = Monday0900 + h.Options.SendTimeout + h.Options.RetryBaseDelay;
        Assert.Equal(resolveAt, outcome.NextAttemptAt);
        Assert.Equal(resolveAt, report.NextRetryAt);

        h.Time.SetUtcNow(resolveAt - TimeSpan.FromSeconds(1));
        await h.RunAsync();
        Assert.Single(h.Slack.Calls);

        h.Time.SetUtcNow(resolveAt);
        await h.RunAsync();
        await h.RunAsync();
        Assert.Equal(2, h.Slack.Calls.Count);
        Assert.Single(h.Slack.Delivered);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_CancelledMidSend_LeftSendingThenSentAgainOnRestart()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, [null]);
        using var shutdown = new CancellationTokenSource();

        var run = h.Runner().RunAsync(null, shutdown.Token);
        await h.Slack.Hanging;
        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(OutboxState.Sending, h.Entry(Deals).State);

        h.Time.Advance(h.Options.SendTimeout);
        var restart = await h.RunAsync();

        Assert.Equal(OutboxState.Pending, Assert.Single(restart.Recovered).State);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
        Assert.Equal(2, h.Slack.Calls.Count);
        Assert.Single(h.Slack.Delivered);
    }

    [Fact]
    public async Task RunAsync_ThrottledMoreThanMaxAttempts_NeverGivesUpAndHonoursEachRetryAfter()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, [.. Enumerable.Repeat(DeliveryResult.Throttle("ratelimited", TimeSpan.FromSeconds(30)), h.Options.MaxAttempts * 2)]);

        var retries = new List<DateTimeOffset>();
        for (var i = 0; i < h.Options.MaxAttempts * 2 + 1; i++)
        {
            var report = await h.RunAsync();
            if (report.NextRetryAt is not { } next)
            {
                break;
            }

            Assert.Equal(h.Time.GetUtcNow().AddSeconds(30), next);
            retries.Add(next);
            h.Time.SetUtcNow(next);
        }

        Assert.Equal(h.Options.MaxAttempts * 2, retries.Count);
        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal(h.Options.MaxAttempts * 2, entry.ThrottledAttempts);
        Assert.Single(h.Slack.Delivered);
    }

    [Fact]
    public async Task RunAsync_ThrottledWithoutRetryAfter_BacksOffOnItsOwnCount()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, DeliveryResult.RetryLater("503"), DeliveryResult.Throttle("429"), DeliveryResult.Throttle("429"), DeliveryResult.RetryLater("503"));

        var retries = new List<DateTimeOffset?>();
        for (var i = 0; i < 4; i++)
        {
            var report = await h.RunAsync();
            retries.Add(report.NextRetryAt);
            h.Time.SetUtcNow(report.NextRetryAt!.Value);
        }

        // 503 #1: 1 min; 429 #1: 1 min; 429 #2: 2 min; 503 #2: 2 min.
        Assert.Equal([Monday0900.AddMinutes(1), Monday0900.AddMinutes(2), Monday0900.AddMinutes(4), Monday0900.AddMinutes(6)], retries);
    }

    [Fact]
    public async Task RunAsync_SenderThrows_RetriedLikeA5xx()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        var throwing = new ThrowingSender();

        var report = await h.Runner(senders: [throwing]).RunAsync(null, CancellationToken.None);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(OutboxState.Pending, outcome.State);
        Assert.Contains("InvalidOperationException", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FiveWeeksDown_OneCatchUpDigestPerChannel()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        await h.RunAsync();

        h.Time.Advance(TimeSpan.FromDays(35) + TimeSpan.FromHours(3));
        var report = await h.RunAsync();
        await h.RunAsync();

        Assert.Equal(["2026-W15", "2026-W15"], report.Planned.Select(p => p.Key.Week));
        Assert.Equal(4, h.Slack.Delivered.Count);
        Assert.Equal(2, h.Slack.Delivered.Count(d => d.Key.Week == "2026-W15"));
    }

    [Fact]
    public async Task RunAsync_StillRetryingWhenFiveWeeksOfDowntimeEnd_OnlyTheCatchUpDigestIsSent()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, DeliveryResult.RetryLater("503"));
        await h.RunAsync();

        h.Time.Advance(TimeSpan.FromDays(35));
        var report = await h.RunAsync();

        Assert.Equal(["2026-W15"], h.Slack.Delivered.Select(d => d.Key.Week));
        Assert.Equal(OutboxState.Superseded, h.Entry(Deals, "2026-W10").State);
        Assert.Equal([OutboxState.Superseded, OutboxState.Sent], report.Outcomes.Select(o => o.State));
    }

    [Fact]
    public async Task RunAsync_DayMovedLaterMidWeek_NoSecondDigestThatWeek()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        await h.RunAsync();

        h.Time.Advance(TimeSpan.FromDays(2));
        await h.Settings.TrySaveAsync(ChannelOf(Deals) with { ReminderDay = DayOfWeek.Friday }, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(3));
        await h.RunAsync();

        Assert.Single(h.Slack.Delivered);
        h.Time.Advance(TimeSpan.FromDays(7));
        await h.RunAsync();
        Assert.Equal(["2026-W10", "2026-W11"], h.Slack.Delivered.Select(d => d.Key.Week));
    }

    [Fact]
    public async Task RunAsync_ChannelFilter_OnlyThatChannelPlannedAndSent()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);

        var report = await h.RunAsync(Emea.Id);

        Assert.Equal([Emea.Id], h.Slack.Delivered.Select(d => d.ChannelId));
        Assert.Equal([Emea.Id], report.Planned.Select(p => p.ChannelId));
        Assert.DoesNotContain(h.Outbox.All, e => e.Key.ChannelId == Deals.Id);
    }

    [Fact]
    public async Task RunAsync_ManyChannels_NeverMoreThanMaxParallelSendsAtOnce()
    {
        h.Options.MaxParallelSends = 3;
        var channels = Enumerable.Range(1, 12).Select(i => new ChannelRef($"C{i:D2}", $"c{i}")).ToArray();
        await h.AddStaleMapAsync("Acme", channels);
        var counting = new CountingSender();

        await h.Runner(senders: [counting]).RunAsync(null, CancellationToken.None);

        Assert.Equal(12, counting.Calls);
        Assert.InRange(counting.MaxConcurrent, 1, 3);
    }

    [Fact]
    public async Task PreviewAsync_AtALaterTime_PlansWithoutWritingOrSending()
    {
        await h.AddStaleMapAsync("Acme", Deals);

        var preview = await h.Runner().PreviewAsync(Monday0900.AddDays(7), CancellationToken.None);

        Assert.Equal(["2026-W11"], preview.Digests.Select(d => d.Key.Week));
        Assert.Empty(h.Outbox.All);
        Assert.Empty(h.Slack.Calls);
    }

    private sealed class ThrowingSender : IDigestSender
    {
        public Platform Platform => Platform.Slack;

        public Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("bug in the card renderer");
    }

    private sealed class CountingSender : IDigestSender
    {
        private int current;
        private int max;
        private int calls;

        public Platform Platform => Platform.Slack;

        public int MaxConcurrent => max;

        public int Calls => calls;

        public async Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref max, now);
            Interlocked.Increment(ref calls);
            await Task.Yield();
            Interlocked.Decrement(ref current);
            return DeliveryResult.Delivered();
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
