using System.Net;

namespace AccountBot.Teams.Connector;

/// <summary>The Bot Connector refused a call (after retries, where retrying made sense).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, TimeSpan? retryAfter = null)
        : base($"The Bot Connector answered {(int)statusCode} {errorCode}: {errorMessage}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The connector's <c>error.code</c>, e.g. <c>MessageSizeTooBig</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The last answer's <c>Retry-After</c> (a 429 that outlasted the client's own retries), so whoever tries again later waits that long.</summary>
    public TimeSpan? RetryAfter { get; }
}
