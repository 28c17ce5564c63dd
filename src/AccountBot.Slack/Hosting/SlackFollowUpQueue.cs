using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Hosting;

/// <summary>
/// Work that runs after a Slack request has been acknowledged, drained by <see cref="SlackFollowUpWorker"/>.
/// Bounded: when full, a writer waits up to <see cref="EnqueueTimeout"/>, then the work is dropped and logged.
/// </summary>
public sealed class SlackFollowUpQueue(ILogger<SlackFollowUpQueue> logger)
{
    public const int Capacity = 512;
    public static readonly TimeSpan EnqueueTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<Func<CancellationToken, Task>> _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource? _idle;

    internal ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    public async ValueTask EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Track(+1);
        var tracked = Tracked(work);
        if (_channel.Writer.TryWrite(tracked))
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EnqueueTimeout);
        try
        {
            await _channel.Writer.WriteAsync(tracked, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Track(-1);
            Log.BackgroundWorkDropped(logger);
        }
    }

    /// <summary>
    /// Completes once no follow-up work is queued or running (at once when there is none): lets a caller see the
    /// whole effect of the requests it has had answered, e.g. before shutting down or in a test, without polling.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending == 0)
                return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();

    private Func<CancellationToken, Task> Tracked(Func<CancellationToken, Task> work) => async cancellationToken =>
    {
        try
        {
            await work(cancellationToken);
        }
        finally
        {
            Track(-1);
        }
    };

    private void Track(int delta)
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _pending += delta;
            if (_pending == 0)
                (idle, _idle) = (_idle, null);
        }

        idle?.TrySetResult();
    }
}
