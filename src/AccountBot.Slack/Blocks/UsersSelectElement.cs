using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A menu of the workspace's users.</summary>
public sealed record UsersSelectElement : ActionElement
{
    public UsersSelectElement(string actionId)
        : base(actionId)
    {
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "users_select";

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public string? InitialUser { get; init; }
}
