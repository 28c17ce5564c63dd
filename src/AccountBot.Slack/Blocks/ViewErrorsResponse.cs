using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary><c>{"response_action":"errors","errors":{"&lt;block_id&gt;":"message"}}</c>.</summary>
public sealed record ViewErrorsResponse : ViewSubmissionResponse
{
    public ViewErrorsResponse(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
            throw new ArgumentException("An errors response needs at least one error.", nameof(errors));
        foreach (var (blockId, message) in errors)
        {
            SlackLimits.RequireId(blockId, "errors block id");
            ArgumentException.ThrowIfNullOrEmpty(message, "errors message");
        }

        ErrorsByBlockId = new Dictionary<string, string>(errors, StringComparer.Ordinal);
    }

    [JsonPropertyOrder(-2)]
    public override string ResponseAction => "errors";

    [System.Text.Json.Serialization.JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string> ErrorsByBlockId { get; }
}
