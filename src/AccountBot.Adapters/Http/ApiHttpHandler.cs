
namespace AccountBot.Adapters.Http;

/// <summary>
/// The primary handler for the clients that call a platform's API (the Bot Connector, the Slack Web API) on behalf
/// of many tenants: no cookie jar, because one would carry what one tenant's answer set into the next tenant's call,
/// and no automatic redirects, because an API that answers 3xx is a failure to see, not a hop to follow.
/// </summary>
public static class ApiHttpHandler
{
    public static HttpMessageHandler Create() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
}
