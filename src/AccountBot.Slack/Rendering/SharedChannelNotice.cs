using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Rendering;

/// <summary>A message turned into a private answer for a channel shared with another organisation, the reason on top.</summary>
public static class SharedChannelNotice
{
    /// <summary>
    /// <paramref name="message"/> for the asker only (ephemeral, never replacing a message in the channel), preceded by
    /// <paramref name="notice"/>.
    /// </summary>
    public static SlackMessage Private(SlackMessage message, string notice)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(notice);
        var top = SlackMarkup.Context(":lock: " + SlackMarkup.Escape(notice));
        IEnumerable<Block> blocks = message.Blocks is { } body ? [top, .. body.Take(SlackLimits.BlocksPerMessage - 1)] : [top];
        return new SlackMessage(SlackMarkup.Escape(notice) + "\n" + message.Text, blocks)
        {
            ResponseType = ResponseType.Ephemeral,
            ReplaceOriginal = false,
            ThreadTs = message.ThreadTs,
        };
    }
}
