namespace AccountBot.Slack.Protocol;

/// <summary>User ids whose tokens were revoked, by token kind.</summary>
public sealed record RevokedTokens
{
    public IReadOnlyList<string> Oauth { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Bot { get; init => field = value ?? []; } = [];
}
