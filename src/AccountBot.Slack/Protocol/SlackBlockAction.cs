using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>One element's action inside a <c>block_actions</c> payload.</summary>
public sealed record SlackBlockAction
{
    public required string Type { get; init; }
    public required string ActionId { get; init; }
    public required string BlockId { get; init; }
    public string? ActionTs { get; init; }
    public string? Value { get; init; }
    public SlackTextValue? Text { get; init; }
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
