using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Optional, one per platform: asks the platform whether an attempt whose outcome was not recorded (the process died
/// mid-call, or the call timed out) posted its digest, so the runner neither loses it nor posts it twice. Without one,
/// such an attempt is sent again: a lost digest is silent for a week, a duplicate is merely noisy.
/// </summary>
/// <remarks>
/// Slack can answer: digests are posted with message metadata carrying <see cref="DigestKey.Value"/>, and the check
/// reads <c>conversations.history</c> from <see cref="OutboxEntry.AttemptStartedAt"/>. Teams cannot (the Bot Connector
/// has no way to read a channel's messages back), so it registers none.
/// </remarks>
public interface IDigestDeliveryCheck
{
    Platform Platform { get; }

    /// <summary>
    /// Whether <paramref name="entry"/>'s digest is in its channel. Answers <see cref="DeliveryCheckStatus.NotPosted"/>
    /// only when sure; never throws for platform problems (<see cref="DeliveryCheckStatus.TryLater"/> or
    /// <see cref="DeliveryCheckStatus.CannotTell"/> instead).
    /// </summary>
    Task<DeliveryCheckResult> CheckAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
