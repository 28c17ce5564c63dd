using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary><c>{"response_action":"clear"}</c>.</summary>
public sealed record ViewClearResponse : ViewSubmissionResponse
{
    [JsonPropertyOrder(-2)]
    public override string ResponseAction => "clear";
}
