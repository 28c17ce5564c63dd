namespace AccountBot.Slack.Protocol;

/// <summary>A modal was cancelled; Slack only sends this for views opened with <c>notify_on_close</c>.</summary>
public sealed record ViewClosedPayload : InteractionPayload
{
    public required SlackViewInfo View { get; init; }
    public bool IsCleared { get; init; }

    protected override string? AppInstalledTeamId => View.AppInstalledTeamId;
}
