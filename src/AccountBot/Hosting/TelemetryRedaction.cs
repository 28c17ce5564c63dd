using System.Diagnostics;
using AccountBot.Slack.Telemetry;
using AccountBot.Teams.Telemetry;

namespace AccountBot.Hosting;

/// <summary>
/// Keeps secrets in URLs out of exported spans: a picture link's path is its signed token, and a Slack
/// <c>response_url</c> or upload URL is a credential. Query strings are already redacted by the instrumentations.
/// </summary>
internal static class TelemetryRedaction
{
    /// <summary>An inbound span's <c>url.path</c> becomes its route (<c>/maps/{token}.png</c>) when one matched.</summary>
    public static void PathAsRoute(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
            activity.SetTag("url.path", route.StartsWith('/') ? route : "/" + route);
    }

    /// <summary>An outbound span's <c>url.full</c> keeps the host and a path without ids or tokens.</summary>
    public static void UrlWithoutSecrets(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
            return;

        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/{Path(uri)}");
    }

    private static string Path(Uri uri)
    {
        var connector = ConnectorOperation.Of(uri);
        if (connector != ConnectorOperation.Other)
            return connector;

        var slack = SlackApiOperation.Of(uri);
        return slack == SlackApiOperation.PresignedUrl ? "REDACTED" : "api/" + slack;
    }
}
