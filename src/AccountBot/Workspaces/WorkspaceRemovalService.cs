using AccountBot.Core.Workspaces;

namespace AccountBot.Workspaces;

/// <summary>
/// Deletes the data of every workspace whose grace period after the app's removal is over
/// (<see cref="WorkspaceRemovals.RunDueAsync"/>). The schedule is in the database, so a restart loses nothing, and each
/// deletion is claimed in the store's transaction, so with several instances running it happens once. Runs at
/// start-up, then every <see cref="Interval"/>: a deletion happens at most that late. A failed pass is logged and tried
/// again at the next one.
/// </summary>
internal sealed partial class WorkspaceRemovalService(WorkspaceRemovals removals, TimeProvider time, ILogger<WorkspaceRemovalService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Raised after each pass with how many workspaces it deleted, once the timer for the next is set (test seam: advance a fake clock only after this).</summary>
    internal event Action<int>? Passed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int? deleted = null;
            try
            {
                deleted = (await removals.RunDueAsync(stoppingToken).ConfigureAwait(false)).Count;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass must not stop the host; the next pass retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failed(logger, Interval, ex);
            }

            try
            {
                // The timer is set before the pass is reported, so a test may move a fake clock as soon as it hears.
                var sleep = Task.Delay(Interval, time, stoppingToken);
                if (deleted is { } count)
                {
                    Passed?.Invoke(count);
                }

                await sleep.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting the data of removed workspaces failed; trying again in {Delay}")]
    private static partial void Failed(ILogger logger, TimeSpan delay, Exception exception);
}
