using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>The state of one input element in a view, <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record SlackViewStateValue
{
    public required string Type { get; init; }
    public string? Value { get; init; }
    public SlackOptionValue? SelectedOption { get; init; }
    public IReadOnlyList<SlackOptionValue>? SelectedOptions { get; init; }
    public string? SelectedUser { get; init; }
    public IReadOnlyList<string>? SelectedUsers { get; init; }
    public string? SelectedDate { get; init; }
    public string? SelectedTime { get; init; }
    public string? SelectedChannel { get; init; }
    public string? SelectedConversation { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
