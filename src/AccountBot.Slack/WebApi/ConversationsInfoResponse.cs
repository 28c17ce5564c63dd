namespace AccountBot.Slack.WebApi;

/// <summary>conversations.info: one channel, DM or group DM.</summary>
public sealed record ConversationsInfoResponse : SlackApiResponse
{
    public SlackConversation? Channel { get; init; }
}
