using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Optional, one per platform: asks the platform whether an interrupted attempt's digest was posted, so that the
/// runner can resend what certainly did not arrive instead of recording it as delivered-unknown. Without one, an
/// interrupted attempt is never resent (at most once).
/// </summary>
/// <remarks>
/// Slack can answer: post with message metadata carrying <see cref="DigestKey.Value"/> and look for it with
/// <c>conversations.history</c> from <see cref="OutboxEntry.AttemptStartedAt"/>. Teams cannot cheaply (the connector
/// cannot list a channel's messages), so it registers none.
/// </remarks>
public interface IDigestDeliveryCheck
{
    Platform Platform { get; }

    /// <summary>
    /// True: the digest is in the channel. False: the platform confirms it is not (only when it can be sure, e.g. the
    /// history since the attempt started was read in full). Null: cannot tell. Never throws for platform problems.
    /// </summary>
    Task<bool?> WasPostedAsync(OutboxEntry entry, ConversationAddress? address, CancellationToken cancellationToken);
}
