namespace AccountBot.Slack.Protocol;

/// <summary>A user clicked a button, picked an option, a date… in a message or a view.</summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public SlackChannelRef? Channel { get; init; }
    public SlackContainer? Container { get; init; }

    /// <summary>Present when the action happened in a message; <c>Message.Ts</c> is what <c>chat.update</c> needs.</summary>
    public SlackMessageRef? Message { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    // The source-generated reader sets an absent init property to null: keep the empty default then.
    public IReadOnlyList<SlackBlockAction> Actions { get; init => field = value ?? []; } = [];

    /// <summary>Present when the action happened in a modal or the home tab.</summary>
    public SlackViewInfo? View { get; init; }

    /// <summary>Input values of the message the action came from (for actions in messages).</summary>
    public SlackViewState? State { get; init; }

    protected override string? AppInstalledTeamId => View?.AppInstalledTeamId;
}
