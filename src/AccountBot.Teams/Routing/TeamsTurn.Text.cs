using System.Net;
using System.Text.RegularExpressions;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Routing;

/// <summary>
/// The message's command text, read once from the activity: the bot's own mention removed, other people's
/// @mentions written as the command language's mention, and Teams' HTML-ish text made plain.
/// </summary>
public sealed partial class TeamsTurn
{
    /// <summary>
    /// The text as the core reads it. Other people's @mentions (<c>&lt;at&gt;Jane&lt;/at&gt;</c> with a mention entity)
    /// become <c>&lt;@id|Jane&gt;</c>, so <c>map Acme owner @Jane</c> reads the same on Teams as on Slack: the id is the
    /// person's Entra object id, the id AccountBot knows people by on Teams (from the entity when Teams gives it, else
    /// from the connector's member record; when neither answers, the id Teams put in the mention). Then the text is
    /// cleaned (<see cref="CleanText"/>).
    /// </summary>
    public async Task<string> CommandTextAsync(CancellationToken cancellationToken)
    {
        var text = Activity.RemoveRecipientMention();
        var mentions = (Activity.Entities ?? [])
            .Where(e => e is { Mentioned.Id: { Length: > 0 }, Text.Length: > 0 }
                && string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(e.Mentioned!.Id, Activity.Recipient?.Id, StringComparison.Ordinal)
                && text.Contains(e.Text!, StringComparison.Ordinal))
            .ToList();
        foreach (var mention in mentions)
        {
            var person = mention.Mentioned!;
            var id = person.AadObjectId is { Length: > 0 } aad ? aad : await ObjectIdAsync(person.Id!, cancellationToken) ?? person.Id!;
            if (id.AsSpan().IndexOfAny('<', '>', '|') >= 0)
                continue; // an id that could close the mention early would let a message forge another person's
            var name = (person.Name ?? CleanText(mention.Text)).Replace('>', ' ').Replace('|', ' ').Trim();
            text = text.Replace(mention.Text!, $"<@{id}|{(name.Length > 0 ? name : id)}>", StringComparison.Ordinal);
        }

        return CleanText(text);
    }

    /// <summary>
    /// Teams' HTML-ish text (<c>&lt;at&gt;</c> tags, <c>&amp;amp;</c>, <c>&amp;nbsp;</c>, sometimes <c>&lt;p&gt;</c> or
    /// <c>&lt;br&gt;</c> between lines) as command text: line breaks are kept (a quick add takes one person a line);
    /// other white space is collapsed.
    /// </summary>
    public static string CleanText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        if (IsPlain(text))
            return text;
        var lines = LineTags().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n");
        var withoutTags = Tags().Replace(lines, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return string.Join('\n', decoded.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    /// <summary>
    /// One line with nothing to clean (no tag, entity, line break, tab, no-break space, double or outer space): the
    /// text as it is, as most typed commands are.
    /// </summary>
    private static bool IsPlain(string text) =>
        text.AsSpan().IndexOfAny(NeedsCleaning) < 0
        && !text.Contains("  ", StringComparison.Ordinal)
        && !char.IsWhiteSpace(text[0])
        && !char.IsWhiteSpace(text[^1]);

    private static readonly System.Buffers.SearchValues<char> NeedsCleaning = System.Buffers.SearchValues.Create("<>&\r\n\t\u00A0");

    private async Task<string?> ObjectIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (Activity is not { ServiceUrl: { Length: > 0 } serviceUrl, Conversation.Id: { Length: > 0 } conversation })
            return null;
        try
        {
            var member = await Connector.GetMemberAsync(serviceUrl, ConversationKey.Of(conversation), userId, cancellationToken);
            return member.AadObjectId is { Length: > 0 } aad ? aad : null;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            return null;
        }
    }

    // Every tag but the command language's user mentions (<@id|name>).
    [GeneratedRegex("<(?!@)[^<>]{1,200}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex LineTags();

    [GeneratedRegex(@"[ \t\r]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
