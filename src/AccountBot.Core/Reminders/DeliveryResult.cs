namespace AccountBot.Core.Reminders;

/// <summary>What happened to one delivery attempt.</summary>
public sealed record DeliveryResult(DeliveryStatus Status, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered(string? messageId = null) => new(DeliveryStatus.Delivered, messageId);

    public static DeliveryResult RetryLater(string reason, TimeSpan? after = null) => new(DeliveryStatus.RetryLater, reason, after);

    public static DeliveryResult Permanent(string reason) => new(DeliveryStatus.PermanentFailure, reason);
}
