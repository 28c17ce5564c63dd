namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// Thrown by follow-up work whose platform call was throttled or failed transiently after the HTTP
/// client's own retries: the <see cref="FollowUpWorker"/> runs the same work again after
/// <see cref="RetryAfter"/>, until it is <see cref="FollowUpQueue.MaxAge"/> old. Throw it only from
/// work that did nothing visible yet (one send), so running it again cannot duplicate a message.
/// </summary>
public sealed class FollowUpRetryException : Exception
{
    public FollowUpRetryException()
        : this(FollowUpQueue.DefaultRetryDelay, "Retry later.", null)
    {
    }

    public FollowUpRetryException(string message)
        : this(FollowUpQueue.DefaultRetryDelay, message, null)
    {
    }

    public FollowUpRetryException(string message, Exception innerException)
        : this(FollowUpQueue.DefaultRetryDelay, message, innerException)
    {
    }

    public FollowUpRetryException(TimeSpan? retryAfter, string message, Exception? innerException)
        : base(message, innerException)
    {
        RetryAfter = retryAfter is { } delay && delay > TimeSpan.Zero ? delay : FollowUpQueue.DefaultRetryDelay;
    }

    public TimeSpan RetryAfter { get; }
}
