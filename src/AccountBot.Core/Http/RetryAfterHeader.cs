using System.Net.Http.Headers;

namespace AccountBot.Core.Http;

/// <summary>
/// The one reader of a platform's <c>Retry-After</c> (the Bot Connector's, Slack's): seconds or an HTTP date, never
/// negative (a date already past means "now").
/// </summary>
public static class RetryAfterHeader
{
    /// <returns>How long the platform asked us to wait, or null when it did not say.</returns>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return response?.Headers.RetryAfter is { } header ? Read(header, time.GetUtcNow()) : null;
    }

    private static TimeSpan? Read(RetryConditionHeaderValue header, DateTimeOffset now)
    {
        var wait = header.Delta ?? header.Date - now;
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
