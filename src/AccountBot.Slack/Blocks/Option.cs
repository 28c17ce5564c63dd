namespace AccountBot.Slack.Blocks;

/// <summary>
/// One choice in a select, checkbox group, radio group or overflow menu. The text (≤ 75) is truncated;
/// the value (≤ 150) is ours and throws when too long. Selects need plain text; checkboxes and radios accept mrkdwn.
/// </summary>
public sealed record Option
{
    public Option(TextObject text, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Truncate(SlackLimits.OptionText);
        Value = SlackLimits.RequireId(value, nameof(value), SlackLimits.OptionValue);
    }

    public TextObject Text { get; }
    public string Value { get; }

    public PlainText? Description
    {
        get;
        init => field = value?.Truncate(SlackLimits.OptionDescription);
    }
}
