namespace AccountBot.Teams.Connector;

/// <summary>How outbound connector calls retry on 429/412/502/504 (section <c>Teams:ConnectorRetry</c>).</summary>
public sealed class ConnectorRetryOptions
{
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of any single wait, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
