using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A group of checkboxes (≤ 10 options).</summary>
public sealed record CheckboxesElement : ActionElement
{
    public CheckboxesElement(string actionId, IEnumerable<Option> options)
        : base(actionId)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerCheckboxGroup, nameof(options), min: 1);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "checkboxes";
    public IReadOnlyList<Option> Options { get; }
    public IReadOnlyList<Option>? InitialOptions { get; init; }
}
