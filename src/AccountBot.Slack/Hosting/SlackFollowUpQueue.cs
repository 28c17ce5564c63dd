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

    internal ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    public async ValueTask EnqueueAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_channel.Writer.TryWrite(work))
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EnqueueTimeout);
        try
        {
            await _channel.Writer.WriteAsync(work, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Log.BackgroundWorkDropped(logger);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();
}
