using System.Net;
using System.Text.RegularExpressions;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Turns a Teams message's text into command text: Teams sends HTML-ish text (<c>&lt;at&gt;</c> tags of
/// other mentions, <c>&amp;amp;</c>, <c>&amp;nbsp;</c>, sometimes <c>&lt;p&gt;</c> or <c>&lt;br&gt;</c> between lines).
/// Line breaks are kept (a quick add takes one person a line); other white space is collapsed.
/// </summary>
public static partial class MessageText
{
    /// <param name="text">The text with the bot's own mention already removed (<c>Activity.RemoveRecipientMention</c>).</param>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var lines = LineTags().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n");
        var withoutTags = Tags().Replace(lines, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return string.Join('\n', decoded.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    // Every tag but the command language's user mentions (<@id|name>, see TeamsUserMentions).
    [GeneratedRegex("<(?!@)[^<>]{1,200}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex LineTags();

    [GeneratedRegex(@"[ \t\r]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
