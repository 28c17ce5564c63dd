using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Commands;

/// <summary>
/// A chat user named in a command: a mention (<c>&lt;@U123|jane&gt;</c>, Slack's escaped form; the Teams adapter writes
/// its <c>&lt;at&gt;</c> mentions the same way) gives the user id; plain text gives only a name, which is enough to find a
/// departed rep who can no longer be mentioned but not to hand anything to someone.
/// </summary>
public sealed partial record UserMention(string? Id, string Name)
{
    public bool HasId => Id is { Length: > 0 };

    public UserRef ToUser() => new(Id ?? string.Empty, Name);

    /// <summary>The mention text that names <paramref name="user"/> (buttons and examples).</summary>
    public static string Format(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return $"<@{user.Id}|{user.Name}>";
    }

    public static UserMention Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var match = Mention().Match(trimmed);
        if (match.Success)
        {
            var id = match.Groups["id"].Value;
            var name = match.Groups["name"].Success && match.Groups["name"].Value.Trim().Length > 0 ? match.Groups["name"].Value.Trim() : id;
            return new UserMention(id, name);
        }

        return new UserMention(null, trimmed.TrimStart('@'));
    }

    /// <summary>Splits "&lt;@U1|a&gt; &lt;@U2|b&gt;" or "Old Name &lt;@U2&gt;" into its mentions and the text between them.</summary>
    public static IReadOnlyList<string> SplitMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var at = 0;
        foreach (Match m in AnyMention().Matches(text))
        {
            AddText(text[at..m.Index]);
            parts.Add(m.Value);
            at = m.Index + m.Length;
        }

        AddText(text[at..]);
        return parts;

        void AddText(string between)
        {
            var trimmed = between.Trim().Trim('"').Trim();
            if (trimmed.Length > 0)
            {
                parts.Add(trimmed);
            }
        }
    }

    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9:_\-\.]+)(\|(?<name>[^>]*))?>$", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<@[A-Za-z0-9:_\-\.]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyMention();
}
