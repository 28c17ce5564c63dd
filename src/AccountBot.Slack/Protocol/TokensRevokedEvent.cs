namespace AccountBot.Slack.Protocol;

/// <summary>Some of the app's tokens were revoked; <c>tokens.bot</c> lists bot user ids whose token is gone.</summary>
public sealed record TokensRevokedEvent : SlackEvent
{
    public RevokedTokens Tokens { get; init => field = value ?? new(); } = new();
}
