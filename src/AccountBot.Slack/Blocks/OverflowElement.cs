using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A "⋯" menu of up to 5 options.</summary>
public sealed record OverflowElement : ActionElement
{
    public OverflowElement(string actionId, IEnumerable<Option> options)
        : base(actionId)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerOverflowMax, nameof(options), min: SlackLimits.OptionsPerOverflowMin);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "overflow";
    public IReadOnlyList<Option> Options { get; }
    public ConfirmationDialog? Confirm { get; init; }
}
