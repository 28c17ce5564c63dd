using System.Threading.Channels;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Reminders;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Reminders;

public sealed class ReminderSchedulerTests : IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");

    // 2025-03-03 09:00 UTC is a Monday: the default schedule's occurrence.
    private static readonly DateTimeOffset Monday0900 = MapBuilder.DefaultTime;

    private readonly FakeTimeProvider time = new(Monday0900.AddMinutes(-2));
    private readonly InMemoryAccountMapStore maps = new();
    private readonly InMemoryDigestOutbox outbox = new();
    private readonly ScriptedDigestSender slack = new(Platform.Slack);
    private readonly ReminderDeliveryOptions options = new() { PollInterval = TimeSpan.FromMinutes(5) };
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));
    private ReminderScheduler? scheduler;

    public async Task InitializeAsync()
    {
        var map = MapBuilder.For(Workspace).Named("Acme").At(Monday0900.AddDays(-30)).LinkedTo("C1", "deals").Build();
        await maps.SaveAsync(new Core.Accounts.MapWrite(map, new Core.Accounts.HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", [])), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (scheduler is not null)
        {
            await scheduler.StopAsync(CancellationToken.None);
            scheduler.Dispose();
        }

        guard.Dispose();
    }

    private ReminderScheduler Start()
    {
        var runner = new ReminderRunner(
            maps, new InMemoryChannelSettingsStore(), outbox, [slack],
            new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), time), options, time);
        scheduler = new ReminderScheduler(runner, options, time, NullLogger<ReminderScheduler>.Instance);
        scheduler.Waiting += delay => waits.Writer.TryWrite(delay);
        return scheduler;
    }

    // The guard only bounds a broken test; the scheduler signals each wait itself.
    private ValueTask<TimeSpan> NextWaitAsync() => waits.Reader.ReadAsync(guard.Token);

    [Theory]
    [InlineData(0, null, 300, 300)]
    [InlineData(0, 120, 300, 120)]
    [InlineData(0, 900, 300, 300)]
    [InlineData(600, 120, 300, 0)]
    public void Delay_DueAndCap_SleepsUntilDueButAtMostTheCap(int nowSeconds, int? dueSeconds, int capSeconds, int expectedSeconds)
    {
        var now = Monday0900.AddSeconds(nowSeconds);
        DateTimeOffset? due = dueSeconds is { } d ? Monday0900.AddSeconds(d) : null;

        var delay = ReminderScheduler.Delay(now, due, TimeSpan.FromSeconds(capSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public async Task ExecuteAsync_StartUp_CatchesUpThenWakesExactlyAtTheNextOccurrence()
    {
        await Start().StartAsync(CancellationToken.None);

        // At start-up the channel gets last week's digest (its latest occurrence), then waits 2 minutes for 09:00.
        Assert.Equal(TimeSpan.FromMinutes(2), await NextWaitAsync());
        Assert.Equal(["2025-W09"], slack.Delivered.Select(d => d.Key.Week));

        time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.False(waits.Reader.TryRead(out _));
        Assert.Single(slack.Delivered);

        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromMinutes(5), await NextWaitAsync());
        Assert.Equal(["2025-W09", "2025-W10"], slack.Delivered.Select(d => d.Key.Week));
    }

    [Fact]
    public async Task ExecuteAsync_NextOccurrenceDaysAway_PollsAtTheCapWithoutSendingAgain()
    {
        time.SetUtcNow(Monday0900);
        await Start().StartAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(5), await NextWaitAsync());

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(TimeSpan.FromMinutes(5), await NextWaitAsync());
        }

        Assert.Single(slack.Delivered);
    }

    [Fact]
    public async Task ExecuteAsync_RetryLaterWithRetryAfter_WakesForTheRetry()
    {
        time.SetUtcNow(Monday0900);
        slack.Script("C1", DeliveryResult.RetryLater("429", TimeSpan.FromSeconds(45)));
        await Start().StartAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(45), await NextWaitAsync());
        time.Advance(TimeSpan.FromSeconds(45));
        await NextWaitAsync();

        Assert.Single(slack.Delivered);
        Assert.Equal(2, slack.Calls.Count);
    }

    [Fact]
    public async Task StopAsync_WhileWaiting_EndsPromptly()
    {
        var running = Start();
        await running.StartAsync(CancellationToken.None);
        await NextWaitAsync();

        await running.StopAsync(CancellationToken.None);

        Assert.True(running.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StopAsync_WhileASendHangs_EndsAndLeavesTheAttemptForTheNextStart()
    {
        time.SetUtcNow(Monday0900);
        slack.Script("C1", [null]);
        var running = Start();
        await running.StartAsync(CancellationToken.None);
        await slack.Hanging;

        await running.StopAsync(CancellationToken.None);

        Assert.True(running.ExecuteTask!.IsCompleted);
        Assert.Equal(OutboxState.Sending, Assert.Single(outbox.All).State);
    }

    [Fact]
    public async Task ExecuteAsync_Disabled_NeverRuns()
    {
        options.Enabled = false;
        var running = Start();

        await running.StartAsync(CancellationToken.None);
        await running.ExecuteTask!;

        Assert.Empty(slack.Calls);
        Assert.Empty(outbox.All);
    }
}
