using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountBot.Core.FollowUps;

/// <summary>
/// Runs <see cref="FollowUpQueue"/> items with <see cref="Concurrency"/> loops, so one slow or
/// throttled call (a connector answering 429 with Retry-After) does not hold up the rest; work that
/// throws <see cref="FollowUpRetryException"/> goes back on the queue after its delay. On
/// shutdown the queue is closed and drained until the host's shutdown timeout.
/// </summary>
public sealed partial class FollowUpWorker(FollowUpQueue queue, ILogger<FollowUpWorker> logger) : BackgroundService
{
    /// <summary>Sends in flight at once: they are I/O (a platform round trip each), so more than the cores.</summary>
    public const int Concurrency = 32;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        try
        {
            if (ExecuteTask is { } loops)
                await loops.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown timeout: cancel what is running, count what never started.
        }

        await base.StopAsync(CancellationToken.None);
        queue.LogAbandoned();
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        // Not cancelled by stoppingToken: after Complete() the loop ends once the queue is empty.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (stoppingToken.IsCancellationRequested)
                return;
            if (!queue.Reader.TryRead(out var item))
                continue;
            try
            {
                await item.Work(stoppingToken);
                queue.Finished();
            }
            catch (FollowUpRetryException retry)
            {
                // Not awaited: this loop goes on with other work while the throttled item waits.
                _ = queue.RetryLaterAsync(item, retry.RetryAfter, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.Failed(logger, e);
                queue.Finished();
            }
            catch (OperationCanceledException)
            {
                // Stopping and past the shutdown timeout: whatever is left is counted as abandoned.
                queue.Finished();
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(9003, LogLevel.Error, "Follow-up work failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
