using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

public sealed record SlackTeamRef
{
    public required string Id { get; init; }
    public string? Domain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
