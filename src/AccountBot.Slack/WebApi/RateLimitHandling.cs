namespace AccountBot.Slack.WebApi;

/// <summary>Whether a Web API call may wait for its retries (see <see cref="AccountBot.Adapters.Http.ApiRetryPolicy"/>).</summary>
public enum RateLimitHandling
{
    /// <summary>Retry a 429 after its <c>Retry-After</c>, and a 502 or 504 after a backoff, within <c>Slack:ApiRetry</c>.</summary>
    Wait,

    /// <summary>
    /// No retry: a 429 fails at once with <c>ratelimited</c> and the <c>Retry-After</c> in
    /// <see cref="SlackApiException.RetryAfter"/>. For calls before the ack (a trigger id lives 3 s, and Slack's shortest
    /// Retry-After is 1 s) and for callers with a queue of their own (the digest outbox), which must not hold a call open.
    /// </summary>
    Throw,
}
