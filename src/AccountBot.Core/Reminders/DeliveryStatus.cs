namespace AccountBot.Core.Reminders;

/// <summary>Delivered; failed for now (429, 5xx, timeout: retry with backoff); or failed for good (bot removed, channel gone).</summary>
public enum DeliveryStatus
{
    Delivered,
    RetryLater,
    PermanentFailure,
}
