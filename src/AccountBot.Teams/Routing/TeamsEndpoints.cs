using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Routing;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static class TeamsEndpoints
{
    public const string DefaultPattern = "/api/messages";

    /// <summary>
    /// <c>POST /api/messages</c>, handled by the <see cref="TeamsRequestHandler"/> singleton (found once here, not per
    /// request). Register handlers with <paramref name="configureRouter"/> or on the <see cref="TeamsActivityRouter"/> singleton.
    /// </summary>
    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints, Action<TeamsActivityRouter>? configureRouter = null, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        configureRouter?.Invoke(endpoints.ServiceProvider.GetRequiredService<TeamsActivityRouter>());
        var handler = endpoints.ServiceProvider.GetRequiredService<TeamsRequestHandler>();
        return endpoints.MapPost(pattern, handler.HandleAsync).DisableAntiforgery();
    }
}
