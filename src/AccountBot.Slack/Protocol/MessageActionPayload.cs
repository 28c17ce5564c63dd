namespace AccountBot.Slack.Protocol;

/// <summary>A message shortcut chosen from a message's ⋯ menu (<c>type: message_action</c>), by its <see cref="CallbackId"/>.</summary>
public sealed record MessageActionPayload : InteractionPayload
{
    public required string CallbackId { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public SlackMessageRef? Message { get; init; }
    public SlackChannelRef? Channel { get; init; }
}
