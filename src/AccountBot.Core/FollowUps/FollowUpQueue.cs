using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AccountBot.Core.FollowUps;

/// <summary>
/// Work that runs after a platform request has been acknowledged (a Teams reply or card update, a
/// Slack <c>response_url</c> post or channel announcement), drained by <see cref="FollowUpWorker"/>.
/// </summary>
/// <remarks>
/// The adapters acknowledge the request first and enqueue afterwards, so a full queue slows the
/// request's own task, never the acknowledgement the platform waits for. Nothing accepted is
/// dropped: a writer waits for room instead (bounded memory, back-pressure on the inbound side
/// only once <see cref="Capacity"/> items are waiting, e.g. during a long 429 storm). Work that
/// throws <see cref="FollowUpRetryException"/> is queued again after the delay it asks for, until
/// it is <see cref="MaxAge"/> old. Only work still queued when the host stops, or older than that,
/// is abandoned, and that is logged with a count. The depth is published as the gauge
/// <c>accountbot.followups.pending</c> (meter <c>AccountBot.FollowUps</c>), so an operator can see
/// replies piling up before the queue is full.
/// </remarks>
public sealed partial class FollowUpQueue
{
    /// <summary>
    /// A few seconds of replies at a real connector's pace. A deeper queue only made replies wait
    /// longer behind it and kept more live objects for the GC to walk: teams-load filled a 10,000
    /// queue, and its p99 was 57-76 ms against 24 ms with 1,000, at the same throughput.
    /// </summary>
    public const int Capacity = 1_000;

    /// <summary>The meter that carries the queue's gauge (<c>dotnet-counters monitor --counters AccountBot.FollowUps</c>).</summary>
    public const string MeterName = "AccountBot.FollowUps";

    private readonly TimeProvider _time;
    private readonly ILogger<FollowUpQueue> _logger;

    /// <param name="meters">Where the depth gauge is published; none without it (tests).</param>
    public FollowUpQueue(TimeProvider time, ILogger<FollowUpQueue> logger, IMeterFactory? meters = null)
    {
        _time = time;
        _logger = logger;
        meters?.Create(MeterName).CreateObservableGauge(
            "accountbot.followups.pending", () => Pending, "{item}", "Follow-up work (replies, card updates, announcements) queued or running.");
    }

    /// <summary>How long a throttled reply keeps being retried; after that it is stale and dropped (logged).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    /// <summary>The wait before a retry when the platform gave no Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(15);

    private readonly Channel<FollowUpItem> _channel = Channel.CreateBounded<FollowUpItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    private readonly object _gate = new();
    private int _pending;
    private int _full;
    private TaskCompletionSource _idle = CompletedIdle();

    /// <summary>Items queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    internal ChannelReader<FollowUpItem> Reader => _channel.Reader;

    /// <summary>Queues <paramref name="work"/>; waits for room when the queue is full.</summary>
    /// <returns>False only when the host is stopping (the work was not queued; that is logged).</returns>
    public async ValueTask<bool> EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(work);
        Started();
        var item = new FollowUpItem(work, _time.GetUtcNow());
        if (_channel.Writer.TryWrite(item))
        {
            if (Interlocked.Exchange(ref _full, 0) == 1)
                Log.RoomAgain(_logger);
            return true;
        }

        // Once per episode, not once per request: a long storm must not flood the log as well.
        if (Interlocked.Exchange(ref _full, 1) == 0)
            Log.QueueFull(_logger, Capacity);
        try
        {
            await _channel.Writer.WriteAsync(item, stopping);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Finished();
            Log.Abandoned(_logger, 1);
            return false;
        }
    }

    /// <summary>
    /// Queues the follow-up steps of one request (a reply, then a notice…) as one item that runs them in order. A step
    /// that throws <see cref="FollowUpRetryException"/> is retried on its own: the retry resumes at that step, so the
    /// steps before it, already sent, are not sent again. This is how both adapters queue their after-ack work.
    /// </summary>
    /// <returns>False only when the host is stopping (nothing was queued; that is logged).</returns>
    public ValueTask<bool> EnqueueAsync(IReadOnlyList<Func<CancellationToken, Task>> steps, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 1)
            return EnqueueAsync(steps[0], stopping);
        var copy = steps.ToArray();
        var next = 0;
        // One run at a time: a retry runs only after the failed run has ended, so the cursor needs no lock.
        return EnqueueAsync(async ct =>
        {
            for (; next < copy.Length; next++)
                await copy[next](ct);
        }, stopping);
    }

    /// <summary>
    /// Keeps the queue from counting as idle until disposed. An adapter takes it before it answers a
    /// request whose follow-up work it queues after the answer, so <see cref="WhenIdleAsync"/> cannot
    /// slip in between the answer and the enqueue.
    /// </summary>
    public IDisposable Hold()
    {
        Started();
        return new Held(this);
    }

    /// <summary>Completes when nothing is queued or running (at once if that is so now). For tests and shutdown.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return _idle.Task.WaitAsync(cancellationToken);
    }

    internal void Finished()
    {
        lock (_gate)
        {
            if (--_pending == 0)
                _idle.TrySetResult();
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();

    /// <summary>Puts <paramref name="item"/> back after <paramref name="delay"/> (it stays pending meanwhile), or drops it when too old.</summary>
    internal async Task RetryLaterAsync(FollowUpItem item, TimeSpan delay, CancellationToken stopping)
    {
        if (_time.GetUtcNow() + delay - item.QueuedAt > MaxAge)
        {
            Log.TooOld(_logger, MaxAge);
            Finished();
            return;
        }

        Log.RetryLater(_logger, delay);
        try
        {
            await Task.Delay(delay, _time, stopping);
            await _channel.Writer.WriteAsync(item, stopping);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Finished();
            Log.Abandoned(_logger, 1);
        }
    }

    internal void LogAbandoned()
    {
        var left = 0;
        while (_channel.Reader.TryRead(out _))
        {
            left++;
            Finished();
        }

        if (left > 0)
            Log.Abandoned(_logger, left);
    }

    private void Started()
    {
        lock (_gate)
        {
            if (_pending++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static TaskCompletionSource CompletedIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    private sealed class Held(FollowUpQueue queue) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                queue.Finished();
        }
    }

    internal sealed record FollowUpItem(Func<CancellationToken, Task> Work, DateTimeOffset QueuedAt);

    private static partial class Log
    {
        [LoggerMessage(9001, LogLevel.Warning, "The follow-up queue is full ({Capacity} items): new work waits for room")]
        public static partial void QueueFull(ILogger logger, int capacity);

        [LoggerMessage(9006, LogLevel.Information, "The follow-up queue has room again")]
        public static partial void RoomAgain(ILogger logger);

        [LoggerMessage(9004, LogLevel.Information, "Follow-up work was throttled; trying again in {Delay}")]
        public static partial void RetryLater(ILogger logger, TimeSpan delay);

        [LoggerMessage(9005, LogLevel.Error, "Follow-up work dropped: still failing after {MaxAge}")]
        public static partial void TooOld(ILogger logger, TimeSpan maxAge);

        [LoggerMessage(9002, LogLevel.Error, "{Count} follow-up item(s) abandoned because the host is stopping")]
        public static partial void Abandoned(ILogger logger, int count);
    }
}
