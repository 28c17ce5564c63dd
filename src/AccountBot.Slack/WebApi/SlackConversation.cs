namespace AccountBot.Slack.WebApi;

/// <summary>What conversations.info tells about a conversation's sharing and privacy.</summary>
public sealed record SlackConversation
{
    public string? Id { get; init; }

    /// <summary>Shared with another organisation (Slack Connect).</summary>
    public bool IsExtShared { get; init; }

    /// <summary>An invitation to share it with another organisation is pending.</summary>
    public bool IsPendingExtShared { get; init; }

    /// <summary>A private channel (also set on DMs and group DMs, which <see cref="IsIm"/> and <see cref="IsMpim"/> tell apart).</summary>
    public bool IsPrivate { get; init; }

    public bool IsIm { get; init; }

    public bool IsMpim { get; init; }
}
