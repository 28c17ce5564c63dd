using AccountBot.Core.Reminders;

namespace AccountBot.Reminders;

/// <summary>
/// Runs the reminder runner at start-up (which sends each channel's one catch-up digest after downtime), then
/// again at the earliest next occurrence or retry, but never sleeps longer than
/// <see cref="ReminderDeliveryOptions.PollInterval"/> so changed channel settings are picked up. A failed run
/// (say, the database) is logged and tried again after the poll interval; stopping the host ends the loop.
/// </summary>
internal sealed partial class ReminderScheduler(
    ReminderRunner runner,
    ReminderDeliveryOptions options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    /// <summary>Raised once the scheduler's timer is set (test seam: advance a fake clock only after this).</summary>
    internal event Action<TimeSpan>? Waiting;

    /// <summary>How long to sleep: until <paramref name="due"/>, at least 0, at most <paramref name="cap"/>.</summary>
    internal static TimeSpan Delay(DateTimeOffset now, DateTimeOffset? due, TimeSpan cap)
    {
        if (due is not { } at)
        {
            return cap;
        }

        var delay = at - now;
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay < cap ? delay : cap;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            Disabled(logger, ReminderDeliveryOptions.Section);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? due = null;
            try
            {
                var report = await runner.RunAsync(null, stoppingToken).ConfigureAwait(false);
                ReminderReportLog.Write(logger, report);
                due = report.NextDueAt;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run must not stop the scheduler; the next run retries it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                RunFailed(logger, options.PollInterval, ex);
            }

            var delay = Delay(time.GetUtcNow(), due, options.PollInterval);
            NextRun(logger, delay, due);
            try
            {
                var sleep = Task.Delay(delay, time, stoppingToken);
                Waiting?.Invoke(delay);
                await sleep.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are off ({Section}:Enabled is false): no digests will be sent")]
    private static partial void Disabled(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder run failed; trying again in {Delay}")]
    private static partial void RunFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Next reminder run in {Delay} (next occurrence or retry {Due})")]
    private static partial void NextRun(ILogger logger, TimeSpan delay, DateTimeOffset? due);
}
