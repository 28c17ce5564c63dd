using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.Postgres;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Applied PostgreSQL schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(2, LogLevel.Information, "The PostgreSQL schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, int version);

    [LoggerMessage(3, LogLevel.Debug, "Saved map {MapId} in {Workspace} at version {Version}")]
    public static partial void MapSaved(ILogger logger, Guid mapId, string workspace, int version);

    [LoggerMessage(4, LogLevel.Debug, "Did not save map {MapId} in {Workspace} (loaded at version {Version}): {Outcome}")]
    public static partial void MapNotSaved(ILogger logger, Guid mapId, string workspace, int version, object outcome);

    [LoggerMessage(5, LogLevel.Warning, "The PostgreSQL database did not answer the readiness probe")]
    public static partial void PingFailed(ILogger logger, Exception exception);

    [LoggerMessage(30, LogLevel.Information, "Deleted map {MapId} in {Workspace}; its history stays")]
    public static partial void MapDeleted(ILogger logger, Guid mapId, string workspace);

    [LoggerMessage(31, LogLevel.Information, "Listening for map changes on PostgreSQL (server process {ProcessId}): maps kept are used without a query")]
    public static partial void MapListenerListening(ILogger logger, int processId);

    [LoggerMessage(32, LogLevel.Warning, "Not listening for map changes (retrying in {Delay}): every map read checks the stored version meanwhile")]
    public static partial void MapListenerLost(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(33, LogLevel.Warning, "Unreadable map change notification ({Length} characters): every kept map is dropped")]
    public static partial void MapChangeUnreadable(ILogger logger, int length);
}
