namespace AccountBot.Slack.WebApi;

/// <summary>auth.test: who the token belongs to.</summary>
public sealed record AuthTestResponse : SlackApiResponse
{
    public string? Url { get; init; }
    public string? Team { get; init; }
    public string? User { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? EnterpriseId { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}
