using System.Net;
using AccountBot.Core.Http;

namespace AccountBot.Teams.Connector;

/// <summary>
/// When and how long to wait before retrying a connector call: 429 (throttled), 412 (a concurrent
/// update), 502 and 504 are retried with exponential backoff plus jitter; a <c>Retry-After</c>
/// header wins over the backoff. No wait exceeds <see cref="ConnectorRetryOptions.MaxDelay"/>.
/// </summary>
public sealed class ConnectorRetryPolicy(ConnectorRetryOptions options, TimeProvider timeProvider, Func<double>? jitter = null)
{
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public static bool IsTransient(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <param name="attempt">0 for the first retry.</param>
    /// <param name="response">The response that asked for the retry, if any.</param>
    public TimeSpan GetDelay(int attempt, HttpResponseMessage? response)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (RetryAfterHeader.Read(response, timeProvider) is { } retryAfter)
            return Min(retryAfter, options.MaxDelay);

        var exponential = options.BaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var capped = Min(exponential, options.MaxDelay);
        // "Equal jitter": half fixed, half random, so concurrent senders spread out but still back off.
        return capped / 2 + capped / 2 * _jitter();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
