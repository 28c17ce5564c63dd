using System.Net;

namespace AccountBot.Adapters.Http;

/// <summary>
/// The one retry policy of the platform clients (the Bot Connector, the Slack Web API): 429 (throttled), 412 (a
/// concurrent update), 502 and 504 are retried; the platform's <c>Retry-After</c> (read by <see cref="RetryAfterHeader"/>)
/// wins over exponential backoff with jitter; and the waits of one call together never pass
/// <see cref="ApiRetryOptions.MaxTotalWait"/>, or the smaller budget a request carries (<see cref="LimitWait"/>).
/// </summary>
public sealed class ApiRetryPolicy(ApiRetryOptions options, TimeProvider timeProvider, Func<double>? jitter = null)
{
    private static readonly HttpRequestOptionsKey<TimeSpan> WaitBudget = new("AccountBot.ApiRetry.WaitBudget");
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public ApiRetryOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public static bool IsTransient(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Lets <paramref name="request"/> wait at most <paramref name="budget"/> in all before its retries (zero: no retry),
    /// for a call that must answer within a deadline of its own, such as one made before Slack's 3-second ack.
    /// </summary>
    public static void LimitWait(HttpRequestMessage request, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(WaitBudget, budget < TimeSpan.Zero ? TimeSpan.Zero : budget);
    }

    /// <summary>How long to wait before sending <paramref name="response"/>'s request again, or null to give up and return it.</summary>
    /// <param name="attempt">0 for the first retry.</param>
    /// <param name="waited">What this call has waited so far.</param>
    /// <param name="request">The request sent, when it may carry its own budget (<see cref="LimitWait"/>).</param>
    public TimeSpan? NextWait(int attempt, HttpResponseMessage response, TimeSpan waited, HttpRequestMessage? request = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (attempt >= Options.MaxRetries || !IsTransient(response.StatusCode))
            return null;

        var wait = RetryAfterHeader.Read(response, timeProvider) ?? Backoff(attempt);
        var budget = Options.MaxTotalWait;
        if ((request ?? response.RequestMessage)?.Options.TryGetValue(WaitBudget, out var own) == true && own < budget)
            budget = own;
        return waited + wait <= budget ? wait : null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = Options.BaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var capped = exponential < Options.MaxDelay ? exponential : Options.MaxDelay;
        // "Equal jitter": half fixed, half random, so concurrent senders spread out but still back off.
        return capped / 2 + capped / 2 * _jitter();
    }
}
