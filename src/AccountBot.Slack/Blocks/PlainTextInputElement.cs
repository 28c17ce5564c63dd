using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A text field (inside an input block). <see cref="MaxLength"/> may be at most 3000.</summary>
public sealed record PlainTextInputElement : ActionElement
{
    public PlainTextInputElement(string actionId)
        : base(actionId)
    {
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "plain_text_input";

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public string? InitialValue { get; init; }
    public bool? Multiline { get; init; }
    public int? MinLength { get; init; }

    public int? MaxLength
    {
        get;
        init
        {
            if (value is < 1 or > SlackLimits.InputMaxLength)
                throw new ArgumentOutOfRangeException(nameof(MaxLength), value, $"MaxLength must be between 1 and {SlackLimits.InputMaxLength}.");
            field = value;
        }
    }
}
