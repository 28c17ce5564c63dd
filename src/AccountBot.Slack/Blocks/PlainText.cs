using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary><c>plain_text</c>: shown as typed, the right choice for user-provided text.</summary>
public sealed record PlainText : TextObject
{
    public PlainText(string text, bool? emoji = null)
        : base(text)
    {
        Emoji = emoji;
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "plain_text";

    public bool? Emoji { get; init; }

    public override PlainText Truncate(int max) =>
        Text.Length <= max ? this : new PlainText(SlackText.Truncate(Text, max), Emoji);

    public static implicit operator PlainText(string text) => new(text);
}
