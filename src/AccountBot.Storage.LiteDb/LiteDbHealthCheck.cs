using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Readiness of the LiteDB store: unhealthy until <see cref="LiteDbStartup"/> has opened the file (and made its
/// indexes), then healthy while the database answers a read. Registered by <c>AddLiteDbStorage</c>, so the host's
/// <c>/readyz</c> asks whichever store is composed.
/// </summary>
internal sealed class LiteDbHealthCheck(LiteDbReadiness readiness) : IHealthCheck
{
    public const string Name = "database";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Resolved only once open: resolving it earlier would open the file from a probe, outside start-up.
        if (readiness.Context is not { } database)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the database is not open yet"));
        }

        return Task.FromResult(database.Ping()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer a read"));
    }
}
