namespace AccountBot.Hosting;

/// <summary>The host's log lines about Slack.</summary>
internal static partial class SlackHostLog
{
    [LoggerMessage(9101, LogLevel.Information, "Slack endpoints disabled: Slack:SigningSecret is not set")]
    public static partial void EndpointsDisabled(ILogger logger);
}
