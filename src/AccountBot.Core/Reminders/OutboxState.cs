namespace AccountBot.Core.Reminders;

/// <summary>
/// Where one digest (one channel, one week) is in the outbox. <see cref="Pending"/> and <see cref="Sending"/>
/// are the only states that can still lead to a message; every other state is final.
/// </summary>
public enum OutboxState
{
    /// <summary>Planned and stored; to be sent when <see cref="OutboxEntry.NextAttemptAt"/> is due.</summary>
    Pending,

    /// <summary>
    /// An attempt (<see cref="OutboxEntry.AttemptId"/>) was recorded and the platform is being called, or the attempt
    /// is in doubt: the call timed out, or the process died mid-call. Once no runner can still be in that call
    /// (<see cref="ReminderDeliveryOptions.SendTimeout"/> after it started), the next run resolves it: sent if the
    /// platform's <see cref="IDigestDeliveryCheck"/> finds the message, otherwise sent again.
    /// </summary>
    Sending,

    /// <summary>The platform accepted the message.</summary>
    Sent,

    /// <summary>Nothing to send that week (reminders off, nothing to report): done without a message.</summary>
    Settled,

    /// <summary>Failed for good (bot removed, channel gone, no sender, retries exhausted); recorded on the channel.</summary>
    Failed,

    /// <summary>
    /// Written only by earlier versions, which gave up on an attempt whose outcome was unknown rather than risk a
    /// duplicate. Final; nothing produces it any more (in-doubt attempts now stay <see cref="Sending"/> until resolved).
    /// </summary>
    DeliveredUnknown,

    /// <summary>
    /// Still unsent when a later week's digest for the same channel was planned (say, retries spanning downtime):
    /// dropped, so the channel gets one current digest rather than a stale one as well.
    /// </summary>
    Superseded,
}
