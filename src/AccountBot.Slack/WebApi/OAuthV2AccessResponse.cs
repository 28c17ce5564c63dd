using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.WebApi;

/// <summary>oauth.v2.access: the installation's bot token (a secret: never log this record's token).</summary>
public sealed record OAuthV2AccessResponse : SlackApiResponse
{
    public string? AccessToken { get; init; }
    public string? TokenType { get; init; }
    public string? Scope { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }
    public SlackTeamRef? Team { get; init; }
    public SlackEnterpriseRef? Enterprise { get; init; }
    public SlackUserRef? AuthedUser { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    public override string ToString() => $"OAuthV2AccessResponse {{ Ok = {Ok}, Team = {Team?.Id}, Enterprise = {Enterprise?.Id}, AccessToken = *** }}";
}
