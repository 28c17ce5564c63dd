namespace AccountBot.Slack.Blocks;

/// <summary>Helpers for text that goes into Slack.</summary>
public static class SlackText
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Escapes user text for <c>mrkdwn</c>: <c>&amp;</c> first, then <c>&lt;</c> and <c>&gt;</c>. With the angle brackets
    /// escaped, user text cannot form <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;@U…&gt;</c> mentions or links.
    /// (JSON's <c>\u003C</c> is no escape: Slack decodes it.)
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, ending in '…'. Never splits a
    /// surrogate pair, nor (with <paramref name="isMrkdwn"/>) an <c>&amp;…;</c> escape or a <c>&lt;…&gt;</c> link.
    /// </summary>
    public static string Truncate(string text, int max, bool isMrkdwn = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
            return text;

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        if (isMrkdwn)
        {
            // An escape is at most 5 characters (&amp;); a cut inside one would show a stray '&am'.
            var head = text.AsSpan(0, cut);
            var amp = head.LastIndexOf('&');
            if (amp >= 0 && cut - amp < 5 && head[(amp + 1)..].IndexOf(';') < 0)
                cut = amp;
            // A cut inside <https://…|label> or <@U…> would show the raw markup.
            head = text.AsSpan(0, cut);
            var open = head.LastIndexOf('<');
            if (open >= 0 && head[(open + 1)..].IndexOf('>') < 0)
                cut = open;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis.ToString());
    }
}
