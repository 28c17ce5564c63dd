
namespace AccountBot.Slack.Protocol;

/// <summary>Someone wrote <c>@AccountBot …</c>; <see cref="Text"/> still contains the <c>&lt;@U…&gt;</c> mention.</summary>
public sealed record AppMentionEvent : SlackEvent
{
    public required string User { get; init; }
    public string Text { get; init => field = value ?? ""; } = "";
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Team { get; init; }

    /// <summary>The author's own team; in a Slack Connect channel it differs from the installation's.</summary>
    public string? UserTeam { get; init; }
}
