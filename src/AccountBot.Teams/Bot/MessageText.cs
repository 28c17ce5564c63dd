using System.Net;
using System.Text.RegularExpressions;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Turns a Teams message's text into command text: Teams sends HTML-ish text (<c>&lt;at&gt;</c> tags of
/// other mentions, <c>&amp;amp;</c>, <c>&amp;nbsp;</c>, sometimes <c>&lt;p&gt;</c>).
/// </summary>
public static partial class MessageText
{
    /// <param name="text">The text with the bot's own mention already removed (<c>Activity.RemoveRecipientMention</c>).</param>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var withoutTags = Tags().Replace(text, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return Spaces().Replace(decoded, " ").Trim();
    }

    // Every tag but the command language's user mentions (<@id|name>, see TeamsUserMentions).
    [GeneratedRegex("<(?!@)[^<>]{1,200}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\n]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
