namespace AccountBot.Operations;

internal static partial class OperationsLog
{
    [LoggerMessage(1, LogLevel.Information, "Admin endpoint for operator commands on {Address}; its token is in {TokenFile}")]
    public static partial void AdminListening(ILogger logger, Uri address, string tokenFile);

    [LoggerMessage(2, LogLevel.Information, "Admin endpoint off (Admin:Enabled is false): operator commands need the bot stopped")]
    public static partial void AdminDisabled(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Admin endpoint refused a request from {Remote} to {Path}: {Reason}")]
    public static partial void AdminRefused(ILogger logger, string? remote, string path, string reason);

    [LoggerMessage(4, LogLevel.Information, "Admin endpoint: {Command}")]
    public static partial void AdminCommand(ILogger logger, string command);

    [LoggerMessage(5, LogLevel.Warning, "Admin endpoint: {Command} failed")]
    public static partial void AdminCommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Admin endpoint not started: on PostgreSQL operator commands connect to the database themselves")]
    public static partial void AdminNotNeeded(ILogger logger);
}
