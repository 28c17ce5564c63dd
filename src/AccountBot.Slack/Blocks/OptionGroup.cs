namespace AccountBot.Slack.Blocks;

/// <summary>A labelled group of options in a select (label ≤ 75, truncated; ≤ 100 options, thrown).</summary>
public sealed record OptionGroup
{
    public OptionGroup(PlainText label, IEnumerable<Option> options)
    {
        ArgumentNullException.ThrowIfNull(label);
        Label = label.Truncate(SlackLimits.OptionText);
        Options = SlackLimits.RequireCount(options, SlackLimits.OptionsPerSelect, nameof(options), min: 1);
    }

    public PlainText Label { get; }
    public IReadOnlyList<Option> Options { get; }
}
