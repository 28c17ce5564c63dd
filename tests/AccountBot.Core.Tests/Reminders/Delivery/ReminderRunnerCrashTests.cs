using AccountBot.Core.Reminders;
using AccountBot.Testing.Fakes;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

/// <summary>
/// The process dies at each step of the outbox lifecycle and restarts on the same stores: each channel still gets its
/// week's digest, never none. Without a platform check (Teams), the one step where the platform has accepted the
/// message but the outbox has not recorded it yet sends it again: the documented price of never losing a digest.
/// <see cref="DeliveryCheckTests"/> shows a platform that can tell (Slack) getting exactly one there too.
/// </summary>
public sealed class ReminderRunnerCrashTests
{
    private readonly DeliveryHarness h = new();

    [Theory]
    [InlineData(CrashPoint.AfterPlanning, 1)]
    [InlineData(CrashPoint.AfterEnqueue, 1)]
    [InlineData(CrashPoint.AfterMarkingSending, 1)]
    [InlineData(CrashPoint.AfterSendReturned, 2)]
    [InlineData(CrashPoint.AfterMarkingSent, 1)]
    public async Task RunAsync_CrashThenRestart_NeverLost(CrashPoint crashAt, int expectedDeliveries)
    {
        await h.AddStaleMapAsync("Acme", Deals);
        var crashing = new CrashingDigestOutbox(h.Outbox, crashAt);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Runner(crashing).RunAsync(null, CancellationToken.None));
        for (var restart = 0; restart < 3; restart++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(5));
            await h.Runner().RunAsync(null, CancellationToken.None);
        }

        Assert.Equal(expectedDeliveries, h.Slack.Delivered.Count);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_RestartedBeforeTheSendTimeoutOfTheInterruptedAttempt_LeftAloneUntilNoRunnerCanStillBeInIt()
    {
        await h.AddStaleMapAsync("Acme", Deals);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Runner(new CrashingDigestOutbox(h.Outbox, CrashPoint.AfterMarkingSending)).RunAsync(null, CancellationToken.None));

        h.Time.Advance(h.Options.SendTimeout - TimeSpan.FromSeconds(1));
        var early = await h.RunAsync();

        Assert.Empty(early.Recovered);
        Assert.Empty(h.Slack.Calls);
        Assert.Equal(OutboxState.Sending, h.Entry(Deals).State);
        Assert.Equal(Monday0900 + h.Options.SendTimeout, early.NextRetryAt);

        h.Time.SetUtcNow(early.NextRetryAt!.Value);
        var late = await h.RunAsync();

        Assert.Equal(OutboxState.Pending, Assert.Single(late.Recovered).State);
        Assert.Single(h.Slack.Delivered);
        Assert.Equal(2, h.Entry(Deals).Attempts);
    }

    [Theory]
    [InlineData(CrashPoint.AfterPlanning)]
    [InlineData(CrashPoint.AfterEnqueue)]
    [InlineData(CrashPoint.AfterMarkingSending)]
    [InlineData(CrashPoint.AfterSendReturned)]
    [InlineData(CrashPoint.AfterMarkingSent)]
    public async Task RunAsync_CrashWhileRetrying_NeverLostAndOtherChannelsUnaffected(CrashPoint crashAt)
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        h.Slack.Script(Deals.Id, DeliveryResult.RetryLater("429", TimeSpan.FromMinutes(2)));
        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromMinutes(2));

        var crashing = new CrashingDigestOutbox(h.Outbox, crashAt);
        try
        {
            await h.Runner(crashing).RunAsync(null, CancellationToken.None);
        }
        catch (SimulatedCrashException)
        {
            // Expected for the points this run reaches (it plans nothing new, so not the planning ones).
        }

        for (var restart = 0; restart < 3; restart++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(5));
            await h.Runner().RunAsync(null, CancellationToken.None);
        }

        Assert.Single(h.Slack.Delivered, d => d.ChannelId == Emea.Id);
        Assert.Equal(crashAt == CrashPoint.AfterSendReturned ? 2 : 1, h.Slack.Delivered.Count(d => d.ChannelId == Deals.Id));
    }

    [Fact]
    public async Task RunAsync_RestartAfterEveryStepForFiveWeeks_OneDigestPerChannelAndWeek()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        // Every step but the one where only a platform check can avoid a duplicate.
        var points = Enum.GetValues<CrashPoint>().Where(p => p != CrashPoint.AfterSendReturned).ToArray();

        for (var week = 0; week < 5; week++)
        {
            foreach (var point in points)
            {
                try
                {
                    await h.Runner(new CrashingDigestOutbox(h.Outbox, point)).RunAsync(null, CancellationToken.None);
                }
                catch (SimulatedCrashException)
                {
                    // The process died; the loop is its restart.
                }

                h.Time.Advance(TimeSpan.FromMinutes(1));
            }

            await h.Runner().RunAsync(null, CancellationToken.None);
            h.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(points.Length));
        }

        var byWeek = h.Slack.Delivered.GroupBy(d => d.Key).ToList();
        Assert.Equal(10, byWeek.Count);
        Assert.All(byWeek, g => Assert.Single(g));
    }
}
