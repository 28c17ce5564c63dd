using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.WebApi;

/// <summary>Every Web API answer: HTTP 200 even on failure, so <see cref="Ok"/> must always be checked.</summary>
public record SlackApiResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public SlackResponseMetadata? ResponseMetadata { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
