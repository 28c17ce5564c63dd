namespace AccountBot.Core.Reminders;

/// <summary>What one delivery attempt came to, as far as the sender can tell.</summary>
public enum DeliveryStatus
{
    /// <summary>The platform accepted the message.</summary>
    Delivered,

    /// <summary>Refused for now (429, 5xx, unreachable before the request was sent): retry with backoff.</summary>
    RetryLater,

    /// <summary>Refused for good (bot removed, channel gone, token revoked): recorded and shown in <c>map settings</c>.</summary>
    PermanentFailure,

    /// <summary>
    /// The request may have reached the platform but no answer came (a timeout, a connection dropped mid-call): the
    /// outbox treats it as an interrupted attempt, asks the platform's <see cref="IDigestDeliveryCheck"/> where there
    /// is one, and otherwise sends again.
    /// </summary>
    Unknown,
}
