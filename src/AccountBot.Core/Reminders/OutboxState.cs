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
    /// An attempt (<see cref="OutboxEntry.AttemptId"/>) was recorded and the platform is being called. Found in this
    /// state by a new run, the attempt was interrupted (crash, kill, shutdown) with an unknown outcome.
    /// </summary>
    Sending,

    /// <summary>The platform accepted the message.</summary>
    Sent,

    /// <summary>Nothing to send that week (reminders off, nothing to report): done without a message.</summary>
    Settled,

    /// <summary>Failed for good (bot removed, channel gone, no sender, retries exhausted); recorded on the channel.</summary>
    Failed,

    /// <summary>
    /// An attempt whose outcome is unknown (interrupted mid-call, or the call outlived the send timeout). The platform
    /// may have posted the message, so it is not sent again: at most once for such attempts.
    /// </summary>
    DeliveredUnknown,

    /// <summary>
    /// Still unsent when a later week's digest for the same channel was planned (say, retries spanning downtime):
    /// dropped, so the channel gets one current digest rather than a stale one as well.
    /// </summary>
    Superseded,
}
