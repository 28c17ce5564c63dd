using Microsoft.Extensions.Logging;

namespace AccountBot.Slack;

/// <summary>All of the adapter's log messages. Never log tokens, secrets, or whole payloads above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Error, "Slack {Method} failed: {Error} {Messages}")]
    public static partial void ApiError(ILogger logger, string method, string error, string messages);

    [LoggerMessage(1002, LogLevel.Warning, "Slack {Method} warned: {Warning}")]
    public static partial void ApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(1004, LogLevel.Error, "Slack {Method} still rate limited after its retries (Retry-After {RetryAfterSeconds} s); giving up")]
    public static partial void RateLimitExhausted(ILogger logger, string method, double retryAfterSeconds);

    [LoggerMessage(1005, LogLevel.Error, "Slack {Method} answered HTTP {StatusCode}")]
    public static partial void HttpFailure(ILogger logger, string method, int statusCode);

    [LoggerMessage(1006, LogLevel.Error, "Slack {Method} not called: no installation for workspace {Team}")]
    public static partial void NoInstallation(ILogger logger, string method, string team);

    [LoggerMessage(2001, LogLevel.Warning, "Slack request to {Path} rejected: signature {Status} ({Count} since the last such line)")]
    public static partial void SignatureRejected(ILogger logger, string path, string status, int count);

    [LoggerMessage(2002, LogLevel.Warning, "Slack request to {Path} rejected: body larger than {MaxBytes} bytes ({Count} since the last such line)")]
    public static partial void BodyTooLarge(ILogger logger, string path, int maxBytes, int count);

    [LoggerMessage(2003, LogLevel.Warning, "Slack request to {Path} could not be read: {Reason}")]
    public static partial void BadPayload(ILogger logger, string path, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "No Slack listener for {Kind} {Id}")]
    public static partial void Unhandled(ILogger logger, string kind, string id);

    [LoggerMessage(2005, LogLevel.Error, "Slack listener for {Kind} {Id} failed")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string kind, string id);

    [LoggerMessage(2006, LogLevel.Information, "Slack event {EventId} is a retry (attempt {RetryNum}, {RetryReason}); already handled")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, string? retryNum, string? retryReason);

    [LoggerMessage(2007, LogLevel.Trace, "Slack payload on {Path}: {Body}")]
    public static partial void PayloadTrace(ILogger logger, string path, string body);

    [LoggerMessage(2008, LogLevel.Warning, "Slack request to {Path} from workspace {Team} refused: {Reason} ({Count} refused for this reason since the last line)")]
    public static partial void AccessRefused(ILogger logger, string path, string team, string reason, int count);

    [LoggerMessage(4004, LogLevel.Warning, "Slack install into workspace {Team} refused: not on Slack:AllowedTeams")]
    public static partial void InstallNotAllowed(ILogger logger, string team);

    [LoggerMessage(4001, LogLevel.Information, "Slack app installed in workspace {Team}")]
    public static partial void Installed(ILogger logger, string team);

    [LoggerMessage(4002, LogLevel.Information, "Slack installation removed for workspace {Team} ({Reason})")]
    public static partial void InstallationRemoved(ILogger logger, string team, string reason);

    [LoggerMessage(4003, LogLevel.Warning, "Slack OAuth callback refused: {Reason} {Detail} ({Count} since the last such line)")]
    public static partial void OAuthRefused(ILogger logger, string reason, string detail, int count);

    [LoggerMessage(5002, LogLevel.Warning, "Slack could not open the stakeholder form in workspace {Workspace}: {Error}")]
    public static partial void FormOpenFailed(ILogger logger, string workspace, string error);

    [LoggerMessage(5003, LogLevel.Warning, "Slack stakeholder form submitted with unreadable private_metadata in workspace {Workspace}")]
    public static partial void BadFormMetadata(ILogger logger, string workspace);

    [LoggerMessage(5020, LogLevel.Warning, "Slack could not show the stakeholder form's details in workspace {Workspace}: {Error}")]
    public static partial void FormDetailsFailed(ILogger logger, string workspace, string error);

    [LoggerMessage(5004, LogLevel.Information, "Slack stakeholder submission {SubmissionId} was already applied; not announced again")]
    public static partial void SubmissionRepeated(ILogger logger, string submissionId);

    [LoggerMessage(5005, LogLevel.Warning, "Slack could not announce the map change in channel {Channel}: {Error}")]
    public static partial void AnnounceFailed(ILogger logger, string channel, string error);

    [LoggerMessage(5006, LogLevel.Information, "Slack digest {Key}: {Status} {Detail}")]
    public static partial void DigestDelivery(ILogger logger, string key, string status, string? detail);

    [LoggerMessage(5007, LogLevel.Warning, "Slack could not reply via response_url: {Error}")]
    public static partial void RespondFailed(ILogger logger, string error);

    [LoggerMessage(5008, LogLevel.Warning, "Slack could not upload the CSV export to channel {Channel}: {Error}")]
    public static partial void UploadFailed(ILogger logger, string channel, string error);

    [LoggerMessage(5009, LogLevel.Warning, "Slack import preview submitted with unreadable private_metadata in workspace {Workspace}")]
    public static partial void BadImportMetadata(ILogger logger, string workspace);

    [LoggerMessage(5010, LogLevel.Information, "Slack digest {Key}: interrupted attempt checked in the channel's history: {Status} {Detail}")]
    public static partial void DigestChecked(ILogger logger, string key, string status, string? detail);

    [LoggerMessage(5012, LogLevel.Warning, "Slack could not tell whether channel {Channel} is shared with another organisation ({Error}); answering privately")]
    public static partial void SharingUnknown(ILogger logger, string channel, string error);

    [LoggerMessage(5013, LogLevel.Information, "Slack channel {Channel} is shared with another organisation: {What} not posted there")]
    public static partial void SharedChannelWithheld(ILogger logger, string channel, string what);

    [LoggerMessage(5011, LogLevel.Information, "Slack did not give a relationship owner's name in time; keeping the user id: {Reason}")]
    public static partial void UserNameUnknown(ILogger logger, string reason);

    [LoggerMessage(5022, LogLevel.Warning, "Slack could not tell whether user {User} is a workspace admin ({Error}); only the configured Admins:Slack count for now")]
    public static partial void AdminUnknown(ILogger logger, string user, string error);

    [LoggerMessage(5023, LogLevel.Warning, "Slack could not tell whether channel {Channel} is private ({Error}); a map created there is private")]
    public static partial void PrivacyUnknown(ILogger logger, string channel, string error);

    [LoggerMessage(6001, LogLevel.Error, "The Slack bot token of installation {Installation} cannot be decrypted: the Data Protection key ring it was stored with is not available. Restore the key ring that was backed up with the database, or reinstall the app in that workspace (/slack/install); until then the bot cannot act there")]
    public static partial void TokenUnreadable(ILogger logger, string installation, Exception exception);

    [LoggerMessage(6002, LogLevel.Information, "Encrypted {Count} Slack bot token(s) stored in plain text by an earlier version")]
    public static partial void TokensProtected(ILogger logger, int count);

    [LoggerMessage(5120, LogLevel.Information, "Slack nudge {Key}: {Status} {Detail}")]
    public static partial void NudgeDelivery(ILogger logger, string key, string status, string? detail);

    [LoggerMessage(5110, LogLevel.Warning, "Slack refused to publish the Home of user {User}: {Error}")]
    public static partial void HomePublishFailed(ILogger logger, string user, string error);

    [LoggerMessage(5111, LogLevel.Warning, "Slack refused to send user {User} the map they opened from their Home: {Error}")]
    public static partial void HomeOpenFailed(ILogger logger, string user, string error);
}
