using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Opened the AccountBot database at {Path}")]
    public static partial void DatabaseOpened(ILogger logger, string path);

    [LoggerMessage(2, LogLevel.Error, "Cannot open the AccountBot database at {Path}: {Failure}")]
    public static partial void DatabaseOpenFailed(ILogger logger, string path, LiteDbStartupFailure failure, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Closed the AccountBot database at {Path}")]
    public static partial void DatabaseClosed(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Warning, "The AccountBot database at {Path} did not answer the readiness probe")]
    public static partial void PingFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "{Path} was {Mode}: other users of this machine could read it; made it {Tightened} (owner only)")]
    public static partial void Tightened(ILogger logger, string path, string mode, string tightened);

    [LoggerMessage(6, LogLevel.Warning, "{Path} is {Mode}: other users of this machine may read it, and it cannot be made owner-only; chmod go-rwx it, or move it to a folder of its own")]
    public static partial void CannotTighten(ILogger logger, string path, string mode, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "{Path} is a shared folder ({Mode}, sticky): the bot's files in it are owner-only, but give the database and key ring a folder of their own")]
    public static partial void SharedFolder(ILogger logger, string path, string mode);

    [LoggerMessage(10, LogLevel.Debug, "Saved map {MapId} of {Workspace} at version {Version}")]
    public static partial void MapSaved(ILogger logger, Guid mapId, string workspace, int version);

    [LoggerMessage(11, LogLevel.Debug, "Did not save map {MapId} of {Workspace} (loaded at version {Version}): {Outcome}")]
    public static partial void MapNotSaved(ILogger logger, Guid mapId, string workspace, int version, Core.Abstractions.SaveOutcome outcome);

    [LoggerMessage(12, LogLevel.Information, "Erased a person from map {MapId} of {Workspace}: {Rewritten} history entries rewritten, {Removed} removed; database checkpointed")]
    public static partial void PersonErased(ILogger logger, Guid mapId, string workspace, int rewritten, int removed);

    [LoggerMessage(30, LogLevel.Information, "Deleted map {MapId} of {Workspace}; its history stays")]
    public static partial void MapDeleted(ILogger logger, Guid mapId, string workspace);

    [LoggerMessage(20, LogLevel.Debug, "Saved the settings of channel {ChannelId} of {Workspace}")]
    public static partial void ChannelSettingsSaved(ILogger logger, string channelId, string workspace);
}
