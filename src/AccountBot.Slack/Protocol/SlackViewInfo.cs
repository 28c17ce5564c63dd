using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>A view as Slack sends it back (in view_submission, view_closed, block_actions from a modal).</summary>
public sealed record SlackViewInfo
{
    public required string Id { get; init; }
    public string? TeamId { get; init; }

    /// <summary>The installing workspace when the view was opened from a Slack Connect channel by another organisation's member.</summary>
    public string? AppInstalledTeamId { get; init; }
    public string? Type { get; init; }
    // The source-generated reader sets an init property it did not find to null: keep the defaults then.
    public string CallbackId { get; init => field = value ?? ""; } = "";
    public string PrivateMetadata { get; init => field = value ?? ""; } = "";
    public string? Hash { get; init; }
    public string? ExternalId { get; init; }
    public string? RootViewId { get; init; }
    public string? PreviousViewId { get; init; }
    public string? AppId { get; init; }
    public string? BotId { get; init; }
    public SlackTextValue? Title { get; init; }
    public SlackViewState State { get; init => field = value ?? new(); } = new();

    /// <summary>The view's blocks and other fields we do not read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
