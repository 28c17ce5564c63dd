using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A button; text ≤ 75 (truncated), value ≤ 2000 and url ≤ 3000 (thrown).</summary>
public sealed record ButtonElement : ActionElement
{
    public ButtonElement(string actionId, PlainText text)
        : base(actionId)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Truncate(SlackLimits.ButtonText);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "button";
    public PlainText Text { get; }

    public string? Value
    {
        get;
        init => field = SlackLimits.RequireMaxLength(value, SlackLimits.ButtonValue, nameof(Value));
    }

    public ButtonStyle? Style { get; init; }

    /// <summary>Opens this URL in the browser; Slack still sends a block_actions payload, which must be acked.</summary>
    public string? Url
    {
        get;
        init => field = SlackLimits.RequireMaxLength(value, SlackLimits.Url, nameof(Url));
    }

    public ConfirmationDialog? Confirm { get; init; }
}
