namespace AccountBot.Slack.WebApi;

/// <summary>A Web API call that Slack answered with <c>ok:false</c> (or could not be completed).</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", "unknown_error", [])
    {
    }

    public SlackApiException(string message)
        : this("unknown", message, [])
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        ApiMethod = "unknown";
        Error = "unknown_error";
        Messages = [];
    }

    public SlackApiException(string apiMethod, string error, IReadOnlyList<string> messages)
        : base(BuildMessage(apiMethod, error, messages))
    {
        ApiMethod = apiMethod;
        Error = error;
        Messages = messages;
    }

    /// <summary>e.g. <c>chat.postMessage</c>.</summary>
    public string ApiMethod { get; }

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>, <c>invalid_blocks</c>, <c>ratelimited</c>.</summary>
    public string Error { get; }

    /// <summary>Throttled (<c>ratelimited</c>) or a server-side failure (HTTP 5xx): the same call may succeed later.</summary>
    public bool IsTransient => Error == "ratelimited" || Error.StartsWith("http_5", StringComparison.Ordinal);

    /// <summary><c>response_metadata.messages</c>: Slack's details, e.g. which block failed validation.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>With <c>ratelimited</c>: how long Slack asked us to wait (its <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    private static string BuildMessage(string apiMethod, string error, IReadOnlyList<string> messages) =>
        messages.Count == 0 ? $"{apiMethod} failed: {error}" : $"{apiMethod} failed: {error} ({string.Join("; ", messages)})";
}
