using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Readiness of the PostgreSQL store (the <c>database</c> check behind <c>/readyz</c>): unhealthy until
/// <see cref="PostgresStartup"/> has applied the migrations, then healthy while the database answers a query. Cheap,
/// never throws.
/// </summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, PostgresStartup startup, ILogger<PostgresHealthCheck> logger) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Done)
        {
            return HealthCheckResult.Unhealthy("the database schema is not migrated yet");
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, "SELECT 1", null, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Log.PingFailed(logger, ex);
            return HealthCheckResult.Unhealthy("the database does not answer a query");
        }
    }
}
