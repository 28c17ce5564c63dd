using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A Block Kit text object: <see cref="PlainText"/> or <see cref="Mrkdwn"/>. A string converts to plain text.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(Mrkdwn))]
public abstract record TextObject : IContextElement
{
    private protected TextObject(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = text;
    }

    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }

    [JsonPropertyOrder(-1)]
    public string Text { get; }

    /// <summary>This text cut to <paramref name="max"/> characters (see <see cref="SlackText.Truncate"/>).</summary>
    public abstract TextObject Truncate(int max);

    public static implicit operator TextObject(string text) => new PlainText(text);
}
