using Microsoft.Extensions.Logging;

namespace AccountBot.Slack;

/// <summary>Capture from a message's log lines (event ids 5100–5109).</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Information, "Slack message shortcut in workspace {Team}: the capture form could not open ({Reason})")]
    public static partial void CaptureNotOpened(ILogger logger, string team, string reason);

    [LoggerMessage(5101, LogLevel.Warning, "Slack chat.getPermalink failed in workspace {Team}: {Error}; the form opens without the message's link")]
    public static partial void CapturePermalinkFailed(ILogger logger, string team, string error);

    [LoggerMessage(5102, LogLevel.Warning, "Slack capture form in workspace {Team} came back without its metadata")]
    public static partial void CaptureBadMetadata(ILogger logger, string team);
}
