namespace AccountBot.Slack.Protocol;

/// <summary>A modal's submit button; answer with a <c>Blocks.ViewSubmissionResponse</c> or an empty 200.</summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public required SlackViewInfo View { get; init; }
    public string? TriggerId { get; init; }

    protected override string? AppInstalledTeamId => View.AppInstalledTeamId;
}
