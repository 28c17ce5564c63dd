using System.Diagnostics.Metrics;
using AccountBot.Core.FollowUps;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Core.Tests.FollowUps;

public sealed class FollowUpQueueTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly VirtualTimeProvider _time = new();
    private readonly FollowUpQueue _queue;
    private readonly FollowUpWorker _worker;

    public FollowUpQueueTests()
    {
        _queue = new FollowUpQueue(_time, NullLogger<FollowUpQueue>.Instance);
        // The drain deadline runs on the real clock: the virtual one would fire it at once.
        _worker = new FollowUpWorker(_queue, new FollowUpOptions(), TimeProvider.System, NullLogger<FollowUpWorker>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(Ct);
        _worker.Dispose();
    }

    [Fact]
    public async Task WhenIdle_CompletesOnlyAfterQueuedWorkRan()
    {
        var gate = new TaskCompletionSource();
        var ran = 0;
        await _queue.EnqueueAsync(async _ => { await gate.Task; Interlocked.Increment(ref ran); }, Ct);
        await _worker.StartAsync(Ct);

        var idle = _queue.WhenIdleAsync(Ct);
        Assert.False(idle.IsCompleted);
        Assert.Equal(1, _queue.Pending);

        gate.SetResult();
        await idle;
        Assert.Equal(1, ran);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task Hold_KeepsTheQueueBusyUntilReleased_EvenWithNothingQueuedYet()
    {
        await _worker.StartAsync(Ct);
        var ran = 0;

        var hold = _queue.Hold();
        var idle = _queue.WhenIdleAsync(Ct);
        Assert.False(idle.IsCompleted);

        // The adapter answers the request, then queues its follow-up work, then lets go.
        await _queue.EnqueueAsync(_ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, Ct);
        hold.Dispose();
        hold.Dispose();

        await idle;
        Assert.Equal(1, ran);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task FailingWork_IsLoggedAndDoesNotStopTheWorker()
    {
        await _worker.StartAsync(Ct);
        var ran = 0;
        await _queue.EnqueueAsync(_ => throw new InvalidOperationException("boom"), Ct);
        await _queue.EnqueueAsync(_ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, Ct);

        await _queue.WhenIdleAsync(Ct);
        Assert.Equal(1, ran);
    }

    [Fact]
    public async Task ThrottledWork_RunsAgainAfterTheDelayItAskedFor_WithoutHoldingUpOtherWork()
    {
        await _worker.StartAsync(Ct);
        var attempts = 0;
        var other = 0;
        await _queue.EnqueueAsync(_ =>
        {
            if (Interlocked.Increment(ref attempts) < 3)
                throw new FollowUpRetryException(TimeSpan.FromSeconds(7), "429", null);
            return Task.CompletedTask;
        }, Ct);
        for (var i = 0; i < 20; i++)
            await _queue.EnqueueAsync(_ => { Interlocked.Increment(ref other); return Task.CompletedTask; }, Ct);

        await _queue.WhenIdleAsync(Ct);

        Assert.Equal(3, attempts);
        Assert.Equal(20, other);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], _time.RequestedDelays);
    }

    [Fact]
    public async Task RetryWithoutAHint_WaitsTheDefaultDelay()
    {
        await _worker.StartAsync(Ct);
        var attempts = 0;
        await _queue.EnqueueAsync(_ => Interlocked.Increment(ref attempts) == 1 ? throw new FollowUpRetryException() : Task.CompletedTask, Ct);

        await _queue.WhenIdleAsync(Ct);

        Assert.Equal(2, attempts);
        Assert.Equal([FollowUpQueue.DefaultRetryDelay], _time.RequestedDelays);
    }

    [Fact]
    public async Task WorkThatKeepsFailing_IsDroppedOnceOlderThanMaxAge()
    {
        await _worker.StartAsync(Ct);
        var attempts = 0;
        await _queue.EnqueueAsync(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new FollowUpRetryException(TimeSpan.FromMinutes(1), "still throttled", null);
        }, Ct);

        await _queue.WhenIdleAsync(Ct);

        // Retried every minute while younger than MaxAge (15 min), then given up: not forever.
        Assert.Equal((int)FollowUpQueue.MaxAge.TotalMinutes + 1, attempts);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task FullQueue_WriterWaitsForRoom_NothingIsDropped()
    {
        var ran = 0;
        for (var i = 0; i < FollowUpQueue.Capacity; i++)
            Assert.True(await _queue.EnqueueAsync(_ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, Ct));

        var overflow = _queue.EnqueueAsync(_ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, Ct).AsTask();
        Assert.False(overflow.IsCompleted);

        await _worker.StartAsync(Ct);
        Assert.True(await overflow);
        await _queue.WhenIdleAsync(Ct);
        Assert.Equal(FollowUpQueue.Capacity + 1, ran);
    }

    [Fact]
    public async Task PendingGauge_ReportsQueuedAndRunningWork()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var queue = new FollowUpQueue(_time, NullLogger<FollowUpQueue>.Instance, services.GetRequiredService<IMeterFactory>());
        var readings = new List<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FollowUpQueue.MeterName && instrument.Name == "accountbot.followups.pending")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => readings.Add(value));
        listener.Start();

        for (var i = 0; i < 3; i++)
            await queue.EnqueueAsync(_ => Task.CompletedTask, Ct);
        listener.RecordObservableInstruments();
        using var worker = new FollowUpWorker(queue, new FollowUpOptions(), TimeProvider.System, NullLogger<FollowUpWorker>.Instance);
        await worker.StartAsync(Ct);
        await queue.WhenIdleAsync(Ct);
        listener.RecordObservableInstruments();
        await worker.StopAsync(Ct);

        Assert.Equal([3, 0], readings);
    }

    [Fact]
    public async Task Stop_DrainsWhatIsQueued()
    {
        var ran = 0;
        for (var i = 0; i < 50; i++)
            await _queue.EnqueueAsync(async _ => { await Task.Yield(); Interlocked.Increment(ref ran); }, Ct);
        await _worker.StartAsync(Ct);

        await _worker.StopAsync(Ct);

        Assert.Equal(50, ran);
        Assert.False(await _queue.EnqueueAsync(_ => Task.CompletedTask, Ct));
    }

    [Fact]
    public async Task Steps_RunInOrder_AThrottledStepIsRetriedAlone()
    {
        await _worker.StartAsync(Ct);
        var sent = new List<string>();
        var throttled = 0;
        await _queue.EnqueueAsync(
        [
            _ => { sent.Add("reply"); return Task.CompletedTask; },
            _ =>
            {
                if (Interlocked.Increment(ref throttled) == 1)
                    throw new FollowUpRetryException(TimeSpan.FromSeconds(2), "429", null);
                sent.Add("notice");
                return Task.CompletedTask;
            },
            _ => { sent.Add("card"); return Task.CompletedTask; },
        ], Ct);

        await _queue.WhenIdleAsync(Ct);

        Assert.Equal(["reply", "notice", "card"], sent);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.RequestedDelays);
    }

    [Fact]
    public async Task Stop_SendsWorkThatIsWaitingOutARetryAfter_BeforeItCloses()
    {
        var clock = new TimerWatchingClock(TimeSpan.FromSeconds(3));
        var queue = new FollowUpQueue(clock, NullLogger<FollowUpQueue>.Instance);
        using var worker = new FollowUpWorker(queue, new FollowUpOptions(), clock, NullLogger<FollowUpWorker>.Instance);
        var attempts = 0;
        var delivered = 0;
        var throttled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await worker.StartAsync(Ct);
        await queue.EnqueueAsync(_ =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                throttled.SetResult();
                throw new FollowUpRetryException(TimeSpan.FromSeconds(3), "429", null);
            }

            Interlocked.Increment(ref delivered);
            return Task.CompletedTask;
        }, Ct);
        await throttled.Task;
        await clock.TimerCreated;

        // Stopping while the item is off the channel, waiting out its Retry-After: it is still promised to someone.
        var stop = worker.StopAsync(Ct);
        clock.Advance(TimeSpan.FromSeconds(3));
        await stop;

        Assert.Equal(2, attempts);
        Assert.Equal(1, delivered);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task Stop_GivesUpAfterTheDrainTimeout_AndCancelsWhatIsStillRunning()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var queue = new FollowUpQueue(clock, NullLogger<FollowUpQueue>.Instance);
        using var worker = new FollowUpWorker(queue, new FollowUpOptions { DrainTimeout = TimeSpan.FromSeconds(20) }, clock, NullLogger<FollowUpWorker>.Instance);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        await queue.EnqueueAsync(async stopping =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stopping);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }, Ct);
        await worker.StartAsync(Ct);
        await started.Task;

        var stop = worker.StopAsync(Ct);
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.False(stop.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await stop;

        Assert.True(cancelled);
        Assert.Equal(0, queue.Pending);
    }

    /// <summary>A fake clock that says when a timer of one due time exists, so the test advances past it, not before it.</summary>
    private sealed class TimerWatchingClock(TimeSpan dueTime) : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime1, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime1, period);
            if (dueTime1 == dueTime)
                _created.TrySetResult();
            return timer;
        }
    }
}
