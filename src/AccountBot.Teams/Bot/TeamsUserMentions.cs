using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;

namespace AccountBot.Teams.Bot;

/// <summary>
/// Writes the other people a message @mentions (<c>&lt;at&gt;Jane&lt;/at&gt;</c> with a mention entity) as the command
/// language's mention, <c>&lt;@id|Jane&gt;</c>, so <c>map Acme owner @Jane</c> reads the same on Teams as on Slack. The
/// id is the person's Entra object id, the id AccountBot knows people by on Teams: from the entity when Teams gives it,
/// else from the connector's member record; when neither answers, the id Teams put in the mention.
/// </summary>
public static class TeamsUserMentions
{
    public static async Task<string> RewriteAsync(TeamsTurn turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(text);
        var activity = turn.Activity;
        var mentions = (activity.Entities ?? [])
            .Where(e => e is { Mentioned.Id: { Length: > 0 }, Text.Length: > 0 }
                && string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(e.Mentioned!.Id, activity.Recipient?.Id, StringComparison.Ordinal)
                && text.Contains(e.Text!, StringComparison.Ordinal))
            .ToList();
        foreach (var mention in mentions)
        {
            var person = mention.Mentioned!;
            var id = person.AadObjectId is { Length: > 0 } aad ? aad : await ObjectIdAsync(turn, person.Id!, cancellationToken) ?? person.Id!;
            if (id.AsSpan().IndexOfAny('<', '>', '|') >= 0)
                continue; // an id that could close the mention early would let a message forge another person's
            var name = (person.Name ?? MessageText.Clean(mention.Text)).Replace('>', ' ').Replace('|', ' ').Trim();
            text = text.Replace(mention.Text!, $"<@{id}|{(name.Length > 0 ? name : id)}>", StringComparison.Ordinal);
        }

        return text;
    }

    private static async Task<string?> ObjectIdAsync(TeamsTurn turn, string userId, CancellationToken cancellationToken)
    {
        if (turn.Activity is not { ServiceUrl: { Length: > 0 } serviceUrl, Conversation.Id: { Length: > 0 } conversation })
            return null;
        try
        {
            var member = await turn.Connector.GetMemberAsync(serviceUrl, ConversationKey.Of(conversation), userId, cancellationToken);
            return member.AadObjectId is { Length: > 0 } aad ? aad : null;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            return null;
        }
    }
}
