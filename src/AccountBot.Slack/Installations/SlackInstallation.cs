namespace AccountBot.Slack.Installations;

/// <summary>The app installed in one workspace (or org): what the Web API client needs to act there.</summary>
public sealed record SlackInstallation
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    /// <summary><c>xoxb-…</c>: a secret; never log it. <see cref="ToString"/> leaves it out.</summary>
    public required string BotToken { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }
    public string? Scopes { get; init; }
    public DateTimeOffset InstalledAt { get; init; }

    public SlackTeamKey Key => new(EnterpriseId, IsEnterpriseInstall ? null : TeamId);

    public override string ToString() => $"SlackInstallation {{ Key = {Key}, BotUserId = {BotUserId}, AppId = {AppId}, BotToken = *** }}";
}
