namespace AccountBot.Testing.Slack;

/// <summary>
/// A clock that jumps instead of waiting: creating a timer advances "now" to the timer's due time and fires it at
/// once, and every requested delay is recorded. Code that waits with <c>Task.Delay(…, timeProvider)</c> runs at full
/// speed while timestamps still show the waits. Meant for sequential scenarios (concurrent waits add up).
/// </summary>
public sealed class VirtualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public VirtualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Every due time a timer was created with, in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
                return [.. _delays];
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (dueTime == Timeout.InfiniteTimeSpan)
            return new InertTimer();
        lock (_gate)
        {
            _delays.Add(dueTime);
            _now += dueTime;
        }

        // Fire on the thread pool: the caller must get its timer back before the callback runs.
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
