namespace AccountBot.Slack.Blocks;

/// <summary>
/// A message: <see cref="Text"/> is the notification / screen-reader fallback (mrkdwn — escape user text with
/// <see cref="SlackText.Escape"/>), <see cref="Blocks"/> (≤ 50, thrown) what people see. Serialised as is, it is
/// the body of a command ack or a <c>response_url</c> post; <c>SlackApiClient</c> maps it to chat.* calls.
/// </summary>
public sealed record SlackMessage
{
    public SlackMessage(string text, IEnumerable<Block>? blocks = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = SlackText.Truncate(text, SlackLimits.MessageText, isMrkdwn: true);
        Blocks = blocks is null ? null : SlackLimits.RequireCount(blocks, SlackLimits.BlocksPerMessage, nameof(blocks));
    }

    public string Text { get; }
    public IReadOnlyList<Block>? Blocks { get; }

    /// <summary>Only for command acks and response_url posts; chat.* calls ignore it.</summary>
    public ResponseType? ResponseType { get; init; }

    /// <summary>Only for response_url posts: replace the message the interaction came from.</summary>
    public bool? ReplaceOriginal { get; init; }

    /// <summary>Only for response_url posts: delete the message the interaction came from.</summary>
    public bool? DeleteOriginal { get; init; }

    /// <summary>Reply in this thread.</summary>
    public string? ThreadTs { get; init; }
}
