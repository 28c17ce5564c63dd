using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A calendar date (written as <c>YYYY-MM-DD</c>).</summary>
public sealed record DatePickerElement : ActionElement
{
    public DatePickerElement(string actionId)
        : base(actionId)
    {
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "datepicker";

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public DateOnly? InitialDate { get; init; }
}
