using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Posts a planned digest to its channel on one platform (Teams: proactive message through the
/// conversation address it stored; Slack: <c>chat.postMessage</c> with the workspace's token). How a platform
/// reaches a channel is its own business: Core names the channel only.
/// Implementations never throw for delivery problems: they say whether to retry.
/// </summary>
public interface IDigestSender
{
    Platform Platform { get; }

    Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken);
}
