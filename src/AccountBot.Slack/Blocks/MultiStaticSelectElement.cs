using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A multiple-choice menu of options given up front (≤ 100 options).</summary>
public sealed record MultiStaticSelectElement : ActionElement
{
    public MultiStaticSelectElement(string actionId, IEnumerable<Option> options)
        : base(actionId)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerSelect, nameof(options), min: 1);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "multi_static_select";
    public IReadOnlyList<Option> Options { get; }

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public IReadOnlyList<Option>? InitialOptions { get; init; }
    public int? MaxSelectedItems { get; init; }
}
