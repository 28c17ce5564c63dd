namespace AccountBot.Teams.Connector;

/// <summary>Normalises conversation ids for bookkeeping.</summary>
public static class ConversationKey
{
    private const string MessageIdSuffix = ";messageid=";

    /// <summary>
    /// The conversation without a thread suffix: a channel thread id is
    /// <c>19:…@thread.tacv2;messageid=123</c>, and a block applies to the whole channel.
    /// </summary>
    public static string Of(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var index = conversationId.IndexOf(MessageIdSuffix, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }
}
