using AccountBot.Core.Abstractions;
using AccountBot.Core.Reminders;

namespace AccountBot.Retention;

/// <summary>
/// Prunes what would otherwise grow forever: reminder-outbox entries (through <see cref="ReminderRunner.PruneAsync"/>,
/// which keeps each channel's latest week) and idempotency keys older than <see cref="StorageOptions.RetentionDays"/>,
/// and map history older than <see cref="PrivacyOptions.HistoryRetentionDays"/> when that is set.
/// Runs at start-up, then every <see cref="Interval"/>; a failed pass is logged and tried again at the next one.
/// </summary>
internal sealed partial class RetentionService(
    ReminderRunner reminders,
    IAccountMapStore maps,
    StorageOptions options,
    PrivacyOptions privacy,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Raised after each pass, once the timer for the next is set (test seam: advance a fake clock only after this).</summary>
    internal event Action<RetentionPass>? Passed;

    /// <summary>One pass: everything older than the retention, as of now.</summary>
    public async Task<RetentionPass> PruneAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Retention;
        var digests = await reminders.PruneAsync(before, cancellationToken).ConfigureAwait(false);
        var keys = await maps.PruneIdempotencyKeysAsync(before, cancellationToken).ConfigureAwait(false);
        Pruned(logger, digests, keys, before);
        var history = 0;
        if (privacy.HistoryRetention is { } keep)
        {
            var historyBefore = time.GetUtcNow() - keep;
            history = await maps.PruneHistoryAsync(historyBefore, cancellationToken).ConfigureAwait(false);
            HistoryPruned(logger, history, historyBefore);
        }

        return new RetentionPass(before, digests, keys) { HistoryEntries = history };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            RetentionPass? pass = null;
            try
            {
                pass = await PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Housekeeping must not stop the host; the next pass retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failed(logger, Interval, ex);
            }

            try
            {
                // The timer is set before the pass is reported, so a test may move a fake clock as soon as it hears.
                var sleep = Task.Delay(Interval, time, stoppingToken);
                if (pass is not null)
                {
                    Passed?.Invoke(pass);
                }

                await sleep.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Digests} reminder outbox entries and {Keys} idempotency keys older than {Before}")]
    private static partial void Pruned(ILogger logger, int digests, int keys, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Entries} history entries older than {Before} (Privacy:HistoryRetentionDays)")]
    private static partial void HistoryPruned(ILogger logger, int entries, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning old records failed; trying again in {Delay}")]
    private static partial void Failed(ILogger logger, TimeSpan delay, Exception exception);
}
