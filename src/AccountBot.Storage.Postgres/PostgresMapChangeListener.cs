using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Keeps one connection of this instance listening to <see cref="PostgresMapChange.Channel"/> and drops from the
/// <see cref="PostgresMapCache"/> each map another instance (or this one) changed. The cache trusts what it keeps only
/// while this connection is up: when it breaks (server restart, network, <c>pg_terminate_backend</c>) the cache falls
/// back to checking the stored version on every read, and it reconnects with backoff (<see cref="FirstRetry"/> doubling
/// to <see cref="LastRetry"/>); entries read before the break are checked once more before they are trusted again.
/// </summary>
public sealed class PostgresMapChangeListener(NpgsqlDataSource dataSource, PostgresMapCache cache, TimeProvider time, ILogger<PostgresMapChangeListener> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    // A dead peer sends nothing: after this long without a message the connection is asked a trivial query.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    private int _processId;

    /// <summary>Raised on the listening connection's thread once it listens and the cache may trust new reads.</summary>
    public event Action? Listening;

    /// <summary>Raised when the connection broke or could not be made, after the cache stopped trusting anything.</summary>
    public event Action<Exception>? Lost;

    /// <summary>Raised after the cache has applied a change (<see cref="PostgresMapChange.All"/> for a TRUNCATE).</summary>
    public event Action<PostgresMapChange>? ChangeApplied;

    /// <summary>The server process id of the listening connection while connected (for <c>pg_stat_activity</c>); else 0.</summary>
    public int BackendProcessId => Volatile.Read(ref _processId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (cache.Capacity == 0)
        {
            // No cache (MapCacheSize 0): nothing to keep current, no connection held.
            return;
        }

        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => delay = FirstRetry, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                cache.StopListening();
                Volatile.Write(ref _processId, 0);
                Log.MapListenerLost(logger, delay, e);

                // The timer is set before the event, so whoever reacts to it may already move a test clock.
                var wait = Task.Delay(Jittered(delay), time, stoppingToken);
                Lost?.Invoke(e);
                try
                {
                    await wait.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = delay * 2 < LastRetry ? delay * 2 : LastRetry;
            }
            finally
            {
                cache.StopListening();
                Volatile.Write(ref _processId, 0);
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += OnNotification;
            await Sql.ExecuteAsync(connection, $"LISTEN {PostgresMapChange.Channel}", null, cancellationToken).ConfigureAwait(false);

            // Without the trigger (schema not migrated yet) nothing is announced, and nothing may be trusted.
            var trigger = await Sql.ListAsync<bool>(connection,
                "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'account_maps_notify' AND tgrelid = to_regclass('account_maps'))", null, cancellationToken).ConfigureAwait(false);
            if (!trigger[0])
            {
                throw new InvalidOperationException("account_maps has no change trigger yet (schema migration 7 is not applied): map reads check the stored version.");
            }

            Volatile.Write(ref _processId, connection.ProcessID);
            cache.StartListening();
            connected();
            Log.MapListenerListening(logger, connection.ProcessID);
            Listening?.Invoke();
            while (true)
            {
                if (!await connection.WaitAsync(IdleCheck, cancellationToken).ConfigureAwait(false))
                {
                    await Sql.ExecuteAsync(connection, "SELECT 1", null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (!string.Equals(e.Channel, PostgresMapChange.Channel, StringComparison.Ordinal))
        {
            return;
        }

        var change = PostgresMapChange.Parse(e.Payload);
        if (change is null)
        {
            // Not what the trigger sends: forget everything rather than guess.
            Log.MapChangeUnreadable(logger, e.Payload.Length);
            change = PostgresMapChange.All;
        }

        if (ReferenceEquals(change, PostgresMapChange.All))
        {
            cache.ChangedAll();
        }
        else
        {
            cache.Changed(change.Workspace, change.MapId, change.Version);
        }

        ChangeApplied?.Invoke(change);
    }

    private static TimeSpan Jittered(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
}
