using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Posts a planned digest to its channel on one platform (Teams: proactive message through the
/// stored conversation address; Slack: <c>chat.postMessage</c> with the workspace's token).
/// Implementations never throw for delivery problems: they say whether to retry.
/// </summary>
public interface IDigestSender
{
    Platform Platform { get; }

    /// <param name="address">The stored address of the channel, when the platform needs one (Teams).</param>
    Task<DeliveryResult> SendAsync(PlannedDigest digest, ConversationAddress? address, CancellationToken cancellationToken);
}
