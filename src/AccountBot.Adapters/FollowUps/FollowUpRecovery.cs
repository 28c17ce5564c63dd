using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// Sends stored follow-up work nobody holds any more: at start (what a crash or a stop left) and then every quarter
/// lease (what a dead instance held). Registered before <see cref="FollowUpWorker"/>, so it stops after the drain and
/// then releases what is left for the next start.
/// </summary>
public sealed partial class FollowUpRecovery(DurableFollowUps durable, FollowUpOptions options, TimeProvider time, ILogger<FollowUpRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // No database (hosts composed without storage): no timer either, which would only tick a test's fake clock.
        if (!durable.IsStored)
            return;
        try
        {
            while (true)
            {
                try
                {
                    await durable.RecoverAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database not migrated yet, or briefly unreachable: the next round tries again.
                    Log.Failed(logger, e);
                }

                await Task.Delay(options.Lease / 4, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await durable.ReleaseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is lost: what this instance held is taken over once its lease runs out.
            Log.Failed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(9014, LogLevel.Warning, "Stored follow-up work could not be claimed or released; trying again later")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
