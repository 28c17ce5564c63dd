using AccountBot.Core.Reminders;
using AccountBot.Testing.Fakes;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

/// <summary>
/// The process dies at each step of the outbox lifecycle and restarts on the same stores: each channel still gets
/// its week's digest at most once, and exactly once unless the crash left an attempt's outcome unknown.
/// </summary>
public sealed class ReminderRunnerCrashTests
{
    private readonly DeliveryHarness h = new();

    [Theory]
    [InlineData(CrashPoint.AfterPlanning, 1, OutboxState.Sent)]
    [InlineData(CrashPoint.AfterEnqueue, 1, OutboxState.Sent)]
    [InlineData(CrashPoint.AfterMarkingSending, 0, OutboxState.DeliveredUnknown)]
    [InlineData(CrashPoint.AfterSendReturned, 1, OutboxState.DeliveredUnknown)]
    [InlineData(CrashPoint.AfterMarkingSent, 1, OutboxState.Sent)]
    public async Task RunAsync_CrashThenRestart_NeverTwice(CrashPoint crashAt, int expectedDeliveries, OutboxState expectedState)
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
        Assert.Equal(expectedState, h.Entry(Deals).State);
    }

    [Theory]
    [InlineData(CrashPoint.AfterPlanning)]
    [InlineData(CrashPoint.AfterEnqueue)]
    [InlineData(CrashPoint.AfterMarkingSending)]
    [InlineData(CrashPoint.AfterSendReturned)]
    [InlineData(CrashPoint.AfterMarkingSent)]
    public async Task RunAsync_CrashWhileRetrying_NeverTwiceAndOtherChannelsUnaffected(CrashPoint crashAt)
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
        Assert.InRange(h.Slack.Delivered.Count(d => d.ChannelId == Deals.Id), crashAt == CrashPoint.AfterMarkingSending ? 0 : 1, 1);
    }

    [Fact]
    public async Task RunAsync_RestartAfterEveryStepForFiveWeeks_OneDigestPerChannelAndWeek()
    {
        await h.AddStaleMapAsync("Acme", Deals, Emea);
        var points = Enum.GetValues<CrashPoint>().Where(p => p is not (CrashPoint.AfterMarkingSending or CrashPoint.AfterSendReturned)).ToArray();

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
