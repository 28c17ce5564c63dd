namespace AccountBot.Slack.Security;

/// <summary>Why a request's Slack signature was accepted or rejected.</summary>
public enum SlackSignatureStatus
{
    Valid,
    /// <summary><c>X-Slack-Signature</c> or <c>X-Slack-Request-Timestamp</c> is absent or empty.</summary>
    MissingHeaders,
    /// <summary>The timestamp is not a whole number of Unix seconds.</summary>
    InvalidTimestamp,
    /// <summary>The timestamp is more than the allowed skew in the past (a replay).</summary>
    StaleTimestamp,
    /// <summary>The timestamp is more than the allowed skew in the future.</summary>
    FutureTimestamp,
    /// <summary>The signature does not start with <c>v0=</c>, the only version Slack uses.</summary>
    UnsupportedVersion,
    /// <summary>The signature does not match the body, timestamp and signing secret.</summary>
    Mismatch,
}
