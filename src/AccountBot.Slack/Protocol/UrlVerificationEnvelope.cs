namespace AccountBot.Slack.Protocol;

/// <summary>Slack checks the events URL: answer with <see cref="Challenge"/>.</summary>
public sealed record UrlVerificationEnvelope : SlackEventEnvelope
{
    public required string Challenge { get; init; }
}
