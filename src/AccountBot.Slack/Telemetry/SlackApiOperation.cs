namespace AccountBot.Slack.Telemetry;

/// <summary>
/// Names a request to Slack for metrics and spans: the Web API method (<c>chat.postMessage</c>), or
/// <see cref="PresignedUrl"/> for a <c>response_url</c> or file upload URL, whose path is a secret and is never shown.
/// </summary>
public static class SlackApiOperation
{
    public const string PresignedUrl = "presigned_url";

    /// <summary>The method when <paramref name="uri"/> is <c>…/api/{method}</c> and the method is Slack-shaped, else <see cref="PresignedUrl"/>.</summary>
    public static string Of(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
            return PresignedUrl;

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is [.., "api", var method] && IsMethod(method) ? method : PresignedUrl;
    }

    // Slack's methods are dotted words (conversations.history, files.getUploadURLExternal).
    private static bool IsMethod(string name) =>
        name.Length <= 64 && name.Contains('.', StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
}
