namespace AccountBot.Hosting;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database can be used.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        endpoints.MapGet("/readyz", async (IServiceProvider services, CancellationToken cancellationToken) => await StorageSelection.PingAsync(services, cancellationToken)
            ? Results.Text("ready")
            : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
