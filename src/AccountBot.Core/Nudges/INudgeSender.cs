using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Nudges;

/// <summary>
/// Sends a planned nudge as a direct message to its recipient on one platform (Slack: <c>conversations.open</c> and
/// <c>chat.postMessage</c>; Teams: a proactive 1:1 conversation in the user's tenant). As <see cref="IDigestSender"/>,
/// it never throws for delivery problems: it says whether to retry.
/// </summary>
public interface INudgeSender
{
    Platform Platform { get; }

    Task<DeliveryResult> SendAsync(PlannedNudge nudge, CancellationToken cancellationToken);
}
