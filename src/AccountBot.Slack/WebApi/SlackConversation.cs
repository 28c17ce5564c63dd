namespace AccountBot.Slack.WebApi;

/// <summary>What conversations.info tells about a conversation's sharing.</summary>
public sealed record SlackConversation
{
    public string? Id { get; init; }

    /// <summary>Shared with another organisation (Slack Connect).</summary>
    public bool IsExtShared { get; init; }

    /// <summary>An invitation to share it with another organisation is pending.</summary>
    public bool IsPendingExtShared { get; init; }
}
