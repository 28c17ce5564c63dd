using System.Text.Json;
using AccountBot.Core.Caching;

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

    /// <summary>
    /// The rendered-output cache key of the view this message's <see cref="Text"/> and <see cref="Blocks"/> were drawn
    /// from (set by <c>SlackMessageRenderer</c> for a keyed view only; never serialised). A <c>with</c> copy keeps it, as
    /// it keeps the text and blocks, which have no setter; what a copy may change is named in its JSON's key
    /// (<c>SlackMessageRenderer.Json</c>).
    /// </summary>
    internal RenderKey? DrawnAs { get; init; }

    /// <summary>This message's JSON, written afresh (the ack's cached bytes come from <c>SlackMessageRenderer.Json</c>).</summary>
    internal byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, SlackJsonContext.Default.SlackMessage);
}
