using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountBot.Hosting;

/// <summary>
/// The container probes. <c>/healthz</c> (liveness): the process answers, nothing else is asked, so a slow database
/// never gets the process restarted. <c>/readyz</c> (readiness): every registered health check — the store's own
/// (<c>database</c>, registered by the storage project) and <see cref="HostStartedHealthCheck"/> — so it answers 503
/// until start-up work is done and again once the host is stopping.
/// </summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<HostStartedHealthCheck>(HostStartedHealthCheck.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    // "ready", or "not ready" and one line per failing check (its name and description: no exception text, which
    // could carry paths or secrets, goes to an unauthenticated caller).
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync("ready");
        }

        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync("not ready" + string.Concat(failing.Select(f => "\n" + f)));
    }
}
