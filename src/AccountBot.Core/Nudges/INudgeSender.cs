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

    /// <summary>
    /// Why the nudge could not be sent now (the operator's words, e.g. no address is known for the person), or null
    /// when nothing is known against it: what <c>reminders preview</c> shows beside the nudge. Sends nothing.
    /// </summary>
    Task<string?> UnreachableAsync(PlannedNudge nudge, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
