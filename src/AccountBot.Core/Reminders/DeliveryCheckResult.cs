namespace AccountBot.Core.Reminders;

/// <summary>The answer of an <see cref="IDigestDeliveryCheck"/>.</summary>
/// <param name="MessageId">The posted message's id, when <see cref="DeliveryCheckStatus.Posted"/> and known.</param>
/// <param name="Detail">Why the platform cannot tell, or could not be asked.</param>
public sealed record DeliveryCheckResult(DeliveryCheckStatus Status, string? MessageId = null, string? Detail = null)
{
    public static DeliveryCheckResult Posted(string? messageId = null) => new(DeliveryCheckStatus.Posted, messageId);

    public static DeliveryCheckResult NotPosted() => new(DeliveryCheckStatus.NotPosted);

    public static DeliveryCheckResult CannotTell(string reason) => new(DeliveryCheckStatus.CannotTell, null, reason);

    public static DeliveryCheckResult TryLater(string reason) => new(DeliveryCheckStatus.TryLater, null, reason);
}
