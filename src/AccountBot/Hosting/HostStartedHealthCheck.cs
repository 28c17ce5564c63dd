using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountBot.Hosting;

/// <summary>
/// Ready between <c>ApplicationStarted</c> (every hosted service's start-up work is done) and
/// <c>ApplicationStopping</c>, so a load balancer stops sending requests as soon as the host begins to stop.
/// </summary>
internal sealed class HostStartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "host";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("starting"));
}
