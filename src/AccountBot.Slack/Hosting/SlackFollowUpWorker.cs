using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Hosting;

/// <summary>Runs queued follow-up work with a few concurrent loops, so one slow call does not hold up the rest.</summary>
public sealed class SlackFollowUpWorker(SlackFollowUpQueue queue, ILogger<SlackFollowUpWorker> logger) : BackgroundService
{
    public const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => RunLoopAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.BackgroundWorkFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
