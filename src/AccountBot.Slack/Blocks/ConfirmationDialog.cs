namespace AccountBot.Slack.Blocks;

/// <summary>"Are you sure?" before an element's action runs. Texts are truncated to Slack's limits.</summary>
public sealed record ConfirmationDialog
{
    public ConfirmationDialog(PlainText title, TextObject text, PlainText confirm, PlainText deny)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(confirm);
        ArgumentNullException.ThrowIfNull(deny);
        Title = title.Truncate(SlackLimits.ConfirmTitle);
        Text = text.Truncate(SlackLimits.ConfirmText);
        Confirm = confirm.Truncate(SlackLimits.ConfirmButton);
        Deny = deny.Truncate(SlackLimits.ConfirmButton);
    }

    public PlainText Title { get; }
    public TextObject Text { get; }
    public PlainText Confirm { get; }
    public PlainText Deny { get; }
    public ButtonStyle? Style { get; init; }
}
