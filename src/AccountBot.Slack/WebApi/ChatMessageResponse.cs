namespace AccountBot.Slack.WebApi;

/// <summary>chat.postMessage / chat.update: where the message is; <see cref="Ts"/> identifies it for updates.</summary>
public sealed record ChatMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}
