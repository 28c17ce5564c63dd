using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>The readiness probe (for <c>/readyz</c>): true when the database answers a query. Cheap, never throws.</summary>
public sealed class PostgresReadiness(NpgsqlDataSource dataSource, ILogger<PostgresReadiness> logger)
{
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, "SELECT 1", null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Log.PingFailed(logger, ex);
            return false;
        }
    }
}
