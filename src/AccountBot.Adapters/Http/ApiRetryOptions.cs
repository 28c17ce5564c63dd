namespace AccountBot.Adapters.Http;

/// <summary>
/// How a platform client retries a throttled or failed call (sections <c>Teams:ConnectorRetry</c> and
/// <c>Slack:ApiRetry</c>); read by <see cref="ApiRetryPolicy"/>.
/// </summary>
public sealed class ApiRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step when the platform says nothing about when to come back; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff step (a <c>Retry-After</c> is never shortened: see <see cref="MaxTotalWait"/>).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// All waits of one call together stay under this: a retry whose wait (its <c>Retry-After</c> or backoff) would go
    /// past it is not made, and the caller gets the platform's answer, with its <c>Retry-After</c>, to retry later.
    /// </summary>
    public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Start-up checks, each naming the key under <paramref name="section"/> to fix.</summary>
    public IEnumerable<string> Validate(string section)
    {
        if (MaxRetries is < 0 or > 10)
            yield return $"{section}:MaxRetries must be between 0 and 10.";
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay)
            yield return $"{section}:BaseDelay must be positive and not above {section}:MaxDelay.";
        if (MaxTotalWait < TimeSpan.Zero)
            yield return $"{section}:MaxTotalWait must not be negative.";
    }
}
