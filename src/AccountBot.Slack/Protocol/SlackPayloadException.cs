namespace AccountBot.Slack.Protocol;

/// <summary>A signed request whose body is not a Slack payload we can read (answered with 400).</summary>
public sealed class SlackPayloadException : Exception
{
    public SlackPayloadException()
    {
    }

    public SlackPayloadException(string message)
        : base(message)
    {
    }

    public SlackPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
