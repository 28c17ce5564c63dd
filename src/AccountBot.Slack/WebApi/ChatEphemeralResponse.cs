namespace AccountBot.Slack.WebApi;

/// <summary>chat.postEphemeral.</summary>
public sealed record ChatEphemeralResponse : SlackApiResponse
{
    public string? MessageTs { get; init; }
}
