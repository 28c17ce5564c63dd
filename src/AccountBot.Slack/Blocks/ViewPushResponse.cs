using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary><c>{"response_action":"push","view":…}</c>.</summary>
public sealed record ViewPushResponse(ModalView View) : ViewSubmissionResponse
{
    [JsonPropertyOrder(-2)]
    public override string ResponseAction => "push";
}
