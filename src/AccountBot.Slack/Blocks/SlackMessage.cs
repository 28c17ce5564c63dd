using System.Text.Json;

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
        _json = new OwnJson(this);
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
    /// This message's JSON, written once: a map message comes from the rendered-output cache for every read of an
    /// unchanged map, and every ack writes it. Not a cache of anything else: a <c>with</c> copy carries the same
    /// <see cref="OwnJson"/>, which belongs to the message it was made for, so the copy is written afresh.
    /// </summary>
    private readonly OwnJson _json;

    internal byte[] ToJson() => _json.Of(this);

    /// <summary>The bytes of its owner, kept once written; not part of a message's value (equal to any other).</summary>
    private sealed class OwnJson(SlackMessage owner)
    {
        private byte[]? _bytes;

        public byte[] Of(SlackMessage message)
        {
            if (!ReferenceEquals(message, owner))
                return JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage);
            return Volatile.Read(ref _bytes) ?? (_bytes = JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage));
        }

        public override bool Equals(object? obj) => obj is OwnJson;

        public override int GetHashCode() => 0;
    }
}
