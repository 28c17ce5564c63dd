using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountBot.Core.FollowUps;

/// <summary>
/// Runs <see cref="FollowUpQueue"/> items with <see cref="Concurrency"/> loops, so one slow or
/// throttled call (a connector answering 429 with Retry-After) does not hold up the rest; work that
/// throws <see cref="FollowUpRetryException"/> goes back on the queue after its delay. On
/// shutdown (the web server has already stopped taking requests and finished those in flight) the work still
/// queued, running or waiting for a retry is sent for up to <see cref="FollowUpOptions.DrainTimeout"/>; only what
/// is left after that is abandoned.
/// </summary>
public sealed partial class FollowUpWorker(FollowUpQueue queue, FollowUpOptions options, TimeProvider time, ILogger<FollowUpWorker> logger) : BackgroundService
{
    /// <summary>Sends in flight at once: they are I/O (a platform round trip each), so more than the cores.</summary>
    public const int Concurrency = 32;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Idle, not merely "channel empty": work waiting out a Retry-After is off the channel but still promised.
        // The channel stays open meanwhile so that such work can go back on it.
        var pending = queue.Pending;
        if (pending > 0)
            Log.Draining(logger, pending, options.DrainTimeout);
        using (var drain = new CancellationTokenSource(options.DrainTimeout, time))
        using (var either = CancellationTokenSource.CreateLinkedTokenSource(drain.Token, cancellationToken))
        {
            try
            {
                await queue.WhenIdleAsync(either.Token);
            }
            catch (OperationCanceledException)
            {
                // Drain timeout (or the host's own shutdown timeout): cancel what is running, count what never ran.
            }
        }

        queue.Complete();
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
        [LoggerMessage(9007, LogLevel.Information, "Stopping: sending {Pending} follow-up item(s) for up to {DrainTimeout}")]
        public static partial void Draining(ILogger logger, int pending, TimeSpan drainTimeout);

        [LoggerMessage(9003, LogLevel.Error, "Follow-up work failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
