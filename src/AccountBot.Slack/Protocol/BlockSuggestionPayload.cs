namespace AccountBot.Slack.Protocol;

/// <summary>An <c>external_select</c> asks for options matching what the user typed in <see cref="Value"/>.</summary>
public sealed record BlockSuggestionPayload : InteractionPayload
{
    public required string ActionId { get; init; }
    public required string BlockId { get; init; }
    public string Value { get; init => field = value ?? ""; } = "";
    public SlackViewInfo? View { get; init; }
    public SlackContainer? Container { get; init; }
    public SlackChannelRef? Channel { get; init; }

    protected override string? AppInstalledTeamId => View?.AppInstalledTeamId;
}
