namespace AccountBot.Slack.WebApi;

/// <summary>conversations.history: a page of messages, newest first; <c>response_metadata.next_cursor</c> when <see cref="HasMore"/>.</summary>
public sealed record ConversationsHistoryResponse : SlackApiResponse
{
    public IReadOnlyList<HistoryMessage> Messages { get; init; } = [];

    public bool HasMore { get; init; }
}
