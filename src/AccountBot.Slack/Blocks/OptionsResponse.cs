namespace AccountBot.Slack.Blocks;

/// <summary>The answer to an external_select's options request: ≤ 100 options, or option groups.</summary>
public sealed record OptionsResponse
{
    public OptionsResponse(IEnumerable<Option> options)
    {
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerSelect, nameof(options));
    }

    public OptionsResponse(IEnumerable<OptionGroup> optionGroups)
    {
        OptionGroups = SlackLimits.RequireCount(optionGroups, SlackLimits.OptionGroupsPerSelect, nameof(optionGroups));
    }

    public IReadOnlyList<Option>? Options { get; }
    public IReadOnlyList<OptionGroup>? OptionGroups { get; }

    public static OptionsResponse Empty { get; } = new(Array.Empty<Option>());
}
