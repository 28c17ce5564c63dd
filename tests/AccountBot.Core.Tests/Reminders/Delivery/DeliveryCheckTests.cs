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
    public async Task RunAsync_PlatformCannotTell_SentAgainRatherThanLost()
    {
        var check = new ScriptedDeliveryCheck(h.Slack) { Answer = _ => DeliveryCheckResult.CannotTell("missing_scope") };
        h.Check = check;

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Single(h.Slack.Delivered);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
        Assert.Equal(1, check.Calls);
    }

    [Fact]
    public async Task RunAsync_CheckThrows_AskedAgainWithBackoffNotSentMeanwhile()
    {
        h.Check = new ScriptedDeliveryCheck(h.Slack) { Throw = true };

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Empty(h.Slack.Calls);
        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Sending, entry.State);
        Assert.Equal(1, entry.Checks);
        Assert.Contains("history unavailable", entry.LastError, StringComparison.Ordinal);
        Assert.Equal(h.Time.GetUtcNow() + h.Options.RetryBaseDelay, entry.NextAttemptAt);
    }

    [Fact]
    public async Task RunAsync_CheckUnavailableThenPosted_RecordedSentNeverResent()
    {
        var answers = new Queue<DeliveryCheckResult>([DeliveryCheckResult.TryLater("ratelimited"), DeliveryCheckResult.TryLater("http_503"), DeliveryCheckResult.Posted("1700000000.000100")]);
        var check = new ScriptedDeliveryCheck(h.Slack) { Answer = _ => answers.Dequeue() };
        h.Check = check;
        await h.AddStaleMapAsync("Acme", Deals);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Runner(new CrashingDigestOutbox(h.Outbox, CrashPoint.AfterSendReturned)).RunAsync(null, CancellationToken.None));

        // The first run comes before the attempt's send timeout is up, so it only learns when to look.
        for (var run = 0; run < 4; run++)
        {
            var report = await h.RunAsync();
            h.Time.SetUtcNow(report.NextDueAt!.Value);
        }

        Assert.Equal(3, check.Calls);
        Assert.Single(h.Slack.Calls);
        var entry = h.Entry(Deals);
        Assert.Equal(OutboxState.Sent, entry.State);
        Assert.Equal("1700000000.000100", entry.MessageId);
    }

    [Fact]
    public async Task RunAsync_CheckNeverAnswers_AfterMaxAttemptsChecksSentAgainRatherThanLost()
    {
        var check = new ScriptedDeliveryCheck(h.Slack) { Answer = _ => DeliveryCheckResult.TryLater("http_503") };
        h.Check = check;
        await h.AddStaleMapAsync("Acme", Deals);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.Runner(new CrashingDigestOutbox(h.Outbox, CrashPoint.AfterMarkingSending)).RunAsync(null, CancellationToken.None));

        for (var run = 0; run < 10 && h.Slack.Calls.Count == 0; run++)
        {
            h.Time.Advance(h.Options.RetryMaxDelay);
            await h.RunAsync();
        }

        Assert.Equal(h.Options.MaxAttempts, check.Calls);
        Assert.Single(h.Slack.Delivered);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_CheckForAnotherPlatformOnly_SentAgain()
    {
        var check = new ScriptedDeliveryCheck(h.Teams);
        h.Check = check;

        await CrashThenRestartAsync(CrashPoint.AfterMarkingSending);

        Assert.Equal(0, check.Calls);
        Assert.Single(h.Slack.Delivered);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
    }

    [Fact]
    public async Task RunAsync_SendTimesOutButThePlatformPostedIt_RecordedSentNotResent()
    {
        h.Check = new ScriptedDeliveryCheck(h.Slack) { Answer = _ => DeliveryCheckResult.Posted("late-1") };
        await h.AddStaleMapAsync("Acme", Deals);
        h.Slack.Script(Deals.Id, [null]);

        var report = await h.RunPastHangingSlackSendAsync();
        h.Time.SetUtcNow(report.NextDueAt!.Value);
        await h.RunAsync();

        Assert.Single(h.Slack.Calls);
        Assert.Equal(OutboxState.Sent, h.Entry(Deals).State);
        Assert.Equal("late-1", h.Entry(Deals).MessageId);
    }
}
