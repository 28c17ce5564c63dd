namespace AccountBot.Core.Reminders;

/// <summary>What happened to one delivery attempt.</summary>
/// <param name="Detail">The platform's message id when delivered; the reason otherwise.</param>
/// <param name="RetryAfter">How long the platform asked us to wait (its <c>Retry-After</c>), when it said.</param>
public sealed record DeliveryResult(DeliveryStatus Status, string? Detail = null, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// The platform is throttling us (429): the message is fine, only early. Such attempts do not count towards
    /// <see cref="ReminderDeliveryOptions.MaxAttempts"/>, so a long rate-limit storm delays a digest but never drops it.
    /// </summary>
    public bool Throttled { get; init; }

    public static DeliveryResult Delivered(string? messageId = null) => new(DeliveryStatus.Delivered, messageId);

    public static DeliveryResult RetryLater(string reason, TimeSpan? after = null) => new(DeliveryStatus.RetryLater, reason, after);

    /// <summary>Rate limited: retry after <paramref name="after"/> (the platform's Retry-After), or with backoff when it gave none.</summary>
    public static DeliveryResult Throttle(string reason, TimeSpan? after = null) => new(DeliveryStatus.RetryLater, reason, after) { Throttled = true };

    public static DeliveryResult Permanent(string reason) => new(DeliveryStatus.PermanentFailure, reason);

    /// <summary>No answer to a request the platform may have received (see <see cref="DeliveryStatus.Unknown"/>).</summary>
    public static DeliveryResult Unknown(string reason) => new(DeliveryStatus.Unknown, reason);

    /// <summary>
    /// A call that failed on the network: <see cref="RetryLater"/> when it cannot have reached the platform (no name,
    /// no connection, no TLS), <see cref="Unknown"/> when the request may have been sent before the connection broke.
    /// </summary>
    public static DeliveryResult Unreachable(HttpRequestException exception, string platform)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError =>
                RetryLater($"{platform} could not be reached ({exception.HttpRequestError}): {exception.Message}"),
            _ => Unknown($"The connection to {platform} broke during the call ({exception.HttpRequestError}): {exception.Message}"),
        };
    }
}
