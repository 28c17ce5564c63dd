namespace AccountBot.Slack.WebApi;

/// <summary>One message of conversations.history, as far as the bot reads it.</summary>
public sealed record HistoryMessage
{
    public string? Ts { get; init; }

    public string? BotId { get; init; }

    public HistoryMessageMetadata? Metadata { get; init; }
}
