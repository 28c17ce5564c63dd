using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>An element that reports to us under an <see cref="ActionId"/> (≤ 255 characters, unique in its block).</summary>
public abstract record ActionElement : BlockElement
{
    private protected ActionElement(string actionId)
    {
        ActionId = SlackLimits.RequireId(actionId, nameof(actionId));
    }

    [JsonPropertyOrder(-1)]
    public string ActionId { get; }
}
