using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A menu whose options come from our <c>/slack/options</c> endpoint as the user types.</summary>
public sealed record ExternalSelectElement : ActionElement
{
    public ExternalSelectElement(string actionId)
        : base(actionId)
    {
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "external_select";

    public PlainText? Placeholder
    {
        get;
        init => field = value?.Truncate(SlackLimits.Placeholder);
    }

    public Option? InitialOption { get; init; }

    /// <summary>Characters typed before Slack asks for options (Slack's default is 3).</summary>
    public int? MinQueryLength { get; init; }
}
