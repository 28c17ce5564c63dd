using AccountBot.Slack.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Endpoints;

/// <summary>Maps Slack's HTTP endpoints (request URLs to enter in the Slack app's settings).</summary>
public static class SlackEndpoints
{
    public const string Commands = "/slack/commands";
    public const string Interactivity = "/slack/interactivity";
    public const string Events = "/slack/events";
    public const string Options = "/slack/options";
    public const string Install = "/slack/install";
    public const string OAuthCallback = "/slack/oauth/callback";

    /// <summary>
    /// Maps the endpoints when <c>Slack:SigningSecret</c> is set, and the install endpoints when <c>Slack:ClientId</c>
    /// is too. Returns false when nothing was mapped, so the host can log
    /// "Slack endpoints disabled: Slack:SigningSecret is not set".
    /// </summary>
    public static bool MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.EndpointsEnabled)
            return false;

        var slack = endpoints.MapGroup("").WithTags("Slack");
        slack.MapPost(Commands, (HttpContext http) => Handler(http).HandleCommandAsync(http));
        slack.MapPost(Interactivity, (HttpContext http) => Handler(http).HandleInteractivityAsync(http));
        slack.MapPost(Events, (HttpContext http) => Handler(http).HandleEventsAsync(http));
        slack.MapPost(Options, (HttpContext http) => Handler(http).HandleOptionsAsync(http));
        if (options.OAuthEnabled)
        {
            slack.MapGet(Install, (HttpContext http, SlackOAuthHandler oauth) => oauth.Install(http));
            slack.MapGet(OAuthCallback, (HttpContext http, SlackOAuthHandler oauth) => oauth.CallbackAsync(http));
        }

        return true;
    }

    private static SlackRequestHandler Handler(HttpContext http) => http.RequestServices.GetRequiredService<SlackRequestHandler>();
}
