using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Bot;

/// <summary>
/// The text of the message a message action was run on, as the capture form reads it: Teams sends the body as HTML, so
/// script and style go with their content, paragraphs, line breaks and list items become lines (a list item a
/// <c>- </c> bullet, so a <c>Name, Title</c> item reads as one), every other tag goes, entities are decoded. A mention
/// of a person becomes <c>&lt;at&gt;Display Name&lt;/at&gt;</c>, the mention the core reads, once per person even where
/// Teams split one name into several tags; a mention of an app, channel or team is left as its plain text.
/// </summary>
public static partial class MessageActionText
{
    /// <summary>Longer bodies are cut before they are read (Teams' own message limit is about 28 KB of HTML).</summary>
    public const int MaxContentLength = 64 * 1024;

    private const int MaxNameLength = 100;

    // Stand-ins for a mention while the other tags are taken off; removed from the input first, so none can be forged.
    private const char MentionStart = '\u0001';
    private const char MentionEnd = '\u0002';

    /// <summary>The message's text, or null when it has none (or its HTML could not be read in time).</summary>
    public static string? Read(MessageActionPayload? payload)
    {
        var content = payload?.Body?.Content;
        if (string.IsNullOrWhiteSpace(content))
            return null;
        if (content.Length > MaxContentLength)
            content = content[..MaxContentLength];
        content = content.Replace(MentionStart, ' ').Replace(MentionEnd, ' ').Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!string.Equals(payload!.Body!.ContentType, MessageActionBody.Html, StringComparison.OrdinalIgnoreCase))
            return Lines(content);
        try
        {
            return Html(content, payload.Mentions ?? []);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A deep link to the message worth keeping: an absolute https address of sane length, else null.</summary>
    public static string? Link(string? link) =>
        link is { Length: > 0 and <= 2048 } && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.AbsoluteUri
            : null;

    private static string? Html(string html, IReadOnlyList<MessageActionMention> mentions)
    {
        var people = mentions
            .Where(m => m?.Mentioned?.User is { Id.Length: > 0 })
            .GroupBy(m => m.Id)
            .ToDictionary(g => g.Key, g => g.First());
        var text = Hidden().Replace(html, string.Empty);
        text = Mention().Replace(text, m =>
        {
            var shown = m.Groups["text"].Value;
            return int.TryParse(m.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && people.ContainsKey(id)
                ? string.Create(CultureInfo.InvariantCulture, $"{MentionStart}{id}{MentionEnd}")
                : shown;
        });
        text = ListItem().Replace(text, "\n- ");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        return Lines(People(text, people));
    }

    /// <summary>Each run of mention stand-ins for the same person (only spaces between) as one <c>&lt;at&gt;</c> with their name.</summary>
    private static string People(string text, Dictionary<int, MessageActionMention> people)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var start = text.IndexOf(MentionStart, at);
            if (start < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            result.Append(text, at, start - at);
            var (mention, next) = ReadStandIn(text, start, people);
            string? user = mention.Mentioned!.User!.Id;
            var shown = new List<string> { mention.MentionText ?? string.Empty };
            // Teams may write "Jane Doe" as <at id="0">Jane</at> <at id="1">Doe</at>, two mentions of one person.
            while (SkipSpaces(text, next) is var following && following < text.Length && text[following] == MentionStart)
            {
                var (more, after) = ReadStandIn(text, following, people);
                if (!string.Equals(more.Mentioned!.User!.Id, user, StringComparison.Ordinal))
                    break;
                shown.Add(more.MentionText ?? string.Empty);
                next = after;
            }

            var name = mention.Mentioned.User.DisplayName is { Length: > 0 } display ? display : string.Join(' ', shown.Where(s => s.Length > 0));
            name = name.Replace('<', ' ').Replace('>', ' ').Trim();
            if (name.Length > MaxNameLength)
                name = name[..MaxNameLength];
            result.Append(name.Length > 0 ? $"<at>{name}</at>" : string.Empty);
            at = next;
        }

        return result.ToString();
    }

    private static (MessageActionMention Mention, int Next) ReadStandIn(string text, int start, Dictionary<int, MessageActionMention> people)
    {
        var end = text.IndexOf(MentionEnd, start);
        var id = int.Parse(text.AsSpan(start + 1, end - start - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return (people[id], end + 1);
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
            at++;
        return at;
    }

    /// <summary>Lines with their spaces collapsed, empty ones dropped; null when nothing is left.</summary>
    private static string? Lines(string text)
    {
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    [GeneratedRegex(@"<(script|style)\b[^>]{0,2000}>.*?</\1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline, 500)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<at\b[^>]{0,200}?\bid\s*=\s*[""']?(?<id>\d{1,6})[""']?[^>]{0,200}>(?<text>[^<]{0,200})</at\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 500)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<li\b[^>]{0,2000}>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 500)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<br\b[^>]{0,2000}>|</(?:p|div|li|ul|ol|h[1-6]|tr|blockquote|pre)\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 500)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^<>]{0,2000}>", RegexOptions.CultureInvariant, 500)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+", RegexOptions.CultureInvariant, 500)]
    private static partial Regex Spaces();
}
