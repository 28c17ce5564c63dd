using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>
/// <c>mrkdwn</c>: formatted text. Put user text through <see cref="SlackText.Escape"/> and prefer
/// <see cref="Verbatim"/> <c>true</c> so Slack does not turn bare names or URLs into links or mentions.
/// </summary>
public sealed record Mrkdwn : TextObject
{
    public Mrkdwn(string text, bool? verbatim = null)
        : base(text)
    {
        Verbatim = verbatim;
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "mrkdwn";

    public bool? Verbatim { get; init; }

    public override Mrkdwn Truncate(int max) =>
        Text.Length <= max ? this : new Mrkdwn(SlackText.Truncate(Text, max, isMrkdwn: true), Verbatim);
}
