using System.Text.RegularExpressions;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Slack's escaped command text (the slash command has <c>should_escape</c> on, and mentions are always escaped) as the
/// command language reads it: user mentions stay <c>&lt;@U…|name&gt;</c> (<c>owner @jane</c> in a quick add), channel
/// mentions and links become what was typed (<c>#deals</c>, the address), and <c>&amp;amp;</c> is <c>&amp;</c> again.
/// <c>&amp;lt;</c> / <c>&amp;gt;</c> are left escaped, so typed text can never pose as a mention.
/// </summary>
internal static partial class SlackCommandText
{
    public static string Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var plain = Escaped().Replace(text, m => m.Groups["kind"].Value switch
        {
            "@" => m.Value,
            "#" => "#" + (m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value),
            "!" => "@" + (m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value),
            _ => m.Groups["target"].Value,
        });
        return plain.Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(?<kind>[@#!]?)(?<target>[^|<>]{1,500})(?:\|(?<label>[^<>]{0,500}))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Escaped();
}
