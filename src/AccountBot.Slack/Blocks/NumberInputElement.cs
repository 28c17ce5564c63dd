using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A number field (inside an input block). Slack writes numbers as strings here.</summary>
public sealed record NumberInputElement : ActionElement
{
    public NumberInputElement(string actionId, bool isDecimalAllowed)
        : base(actionId)
    {
        IsDecimalAllowed = isDecimalAllowed;
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "number_input";
    public bool IsDecimalAllowed { get; }

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public string? InitialValue { get; init; }
    public string? MinValue { get; init; }
    public string? MaxValue { get; init; }
}
