namespace AccountBot.Testing.Resilience;

/// <summary>What a client learned from one attempt at a submission.</summary>
public enum AttemptOutcome
{
    /// <summary>
    /// Acknowledged as applied: Slack answered the view_submission with 200 and no errors (the modal closes);
    /// Teams answered the activity with 200 and the card was replaced with the map saying so.
    /// </summary>
    Acknowledged,

    /// <summary>
    /// Teams answered 200 but no reply had reached the connector when the host died (possible only if replies are
    /// sent after the 200). Counted as acknowledged: a missing change then means the 200 came before the write was durable.
    /// </summary>
    AcknowledgedBeforeReply,

    /// <summary>Refused with a reason (errors next to fields, "nothing was saved", a conflict notice): must not be applied.</summary>
    Rejected,

    /// <summary>No answer (the host died, the connection broke, a 500): may or may not be applied; the client sends it again.</summary>
    Unknown,
}
