using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A single-choice menu of options given up front (≤ 100 options or option groups).</summary>
public sealed record StaticSelectElement : ActionElement
{
    public StaticSelectElement(string actionId, IEnumerable<Option> options)
        : base(actionId)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerSelect, nameof(options), min: 1);
    }

    public StaticSelectElement(string actionId, IEnumerable<OptionGroup> optionGroups)
        : base(actionId)
    {
        OptionGroups = SlackLimits.RequireCount(optionGroups, SlackLimits.OptionGroupsPerSelect, nameof(optionGroups), min: 1);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "static_select";
    public IReadOnlyList<Option>? Options { get; }
    public IReadOnlyList<OptionGroup>? OptionGroups { get; }

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public Option? InitialOption { get; init; }
    public ConfirmationDialog? Confirm { get; init; }
}
