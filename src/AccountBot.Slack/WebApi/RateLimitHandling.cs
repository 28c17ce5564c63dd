namespace AccountBot.Slack.WebApi;

/// <summary>What the client does when Slack answers 429.</summary>
public enum RateLimitHandling
{
    /// <summary>Wait out a short <c>Retry-After</c> and try again (up to <c>Slack:MaxRateLimitRetries</c> times).</summary>
    Wait,

    /// <summary>
    /// Fail at once with <c>ratelimited</c> and the <c>Retry-After</c> in <see cref="SlackApiException.RetryAfter"/>:
    /// for callers with a queue of their own (the digest outbox), which must not hold a call open while waiting.
    /// </summary>
    Throw,
}
