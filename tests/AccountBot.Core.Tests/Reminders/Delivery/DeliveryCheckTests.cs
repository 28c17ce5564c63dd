using AccountBot.Core.Reminders;
using AccountBot.Testing.Fakes;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders.Delivery;

/// <summary>With a platform that can say whether a digest arrived, an interrupted attempt is resolved, not left unknown.</summary>
public sealed class DeliveryCheckTests
{
    private readonly DeliveryHarness h = new();

    private async Task CrashThenRestartAsync(CrashPoint crashAt)
    {
        await h.AddStaleMapAsync("Acme", Deals);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Runner(new CrashingDigestOutbox(h.Outbox, crashAt)).RunAsync(null, CancellationToken.None));
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();
        await h.RunAsync();
    }

    [Fact]
    public async Task RunAsync_CrashBeforeTheCallAndPlatformSaysNotPosted_SentOnRestart()
    {
        h.Check = new ScriptedDeliveryCheck(h.Slack);

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Single(h.Slack.Delivered);
        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal(2, entry.Attempts);
    }

    [Fact]
    public async Task RunAsync_CrashAfterPlatformAcceptedAndPlatformSaysPosted_RecordedSentNotResent()
    {
        h.Check = new ScriptedDeliveryCheck(h.Slack);

        await CrashThenRestartAsync(CrashPoint.AfterSendReturned);

        Assert.Single(h.Slack.Delivered);
        Assert.Single(h.Slack.Calls);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_PlatformCannotTell_DeliveredUnknown()
    {
        var check = new ScriptedDeliveryCheck(h.Slack) { Answer = _ => null };
        h.Check = check;

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Empty(h.Slack.Calls);
        Assert.Equal(OutboxState.DeliveredUnknown, h.Entry(Deals).State);
        Assert.Equal(1, check.Calls);
    }

    [Fact]
    public async Task RunAsync_CheckThrows_DeliveredUnknownAndRunCarriesOn()
    {
        h.Check = new ScriptedDeliveryCheck(h.Slack) { Throw = true };

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Empty(h.Slack.Calls);
        Assert.Equal(OutboxState.DeliveredUnknown, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_CheckForAnotherPlatformOnly_DeliveredUnknown()
    {
        h.Check = new ScriptedDeliveryCheck(h.Teams);

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Empty(h.Slack.Calls);
        Assert.Equal(OutboxState.DeliveredUnknown, h.Entry(Deals).State);
    }
}
