using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A group of radio buttons (≤ 10 options).</summary>
public sealed record RadioButtonsElement : ActionElement
{
    public RadioButtonsElement(string actionId, IEnumerable<Option> options)
        : base(actionId)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerCheckboxGroup, nameof(options), min: 1);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "radio_buttons";
    public IReadOnlyList<Option> Options { get; }
    public Option? InitialOption { get; init; }
}
