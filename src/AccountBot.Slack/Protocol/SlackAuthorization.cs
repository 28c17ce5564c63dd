using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>One installation the event is visible to (<c>authorizations[]</c>).</summary>
public sealed record SlackAuthorization
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public bool IsBot { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
