using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary><c>{"response_action":"update","view":…}</c>.</summary>
public sealed record ViewUpdateResponse(ModalView View) : ViewSubmissionResponse
{
    [JsonPropertyOrder(-2)]
    public override string ResponseAction => "update";
}
