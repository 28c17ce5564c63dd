namespace AccountBot.Slack.Protocol;

/// <summary><c>channel_shared</c> or <c>channel_unshared</c>: <see cref="Channel"/> was connected to or disconnected from another organisation.</summary>
public sealed record ChannelSharingEvent : SlackEvent
{
    public required string Channel { get; init; }
    public string? ConnectedTeamId { get; init; }
    public string? DisconnectedTeamId { get; init; }
}
