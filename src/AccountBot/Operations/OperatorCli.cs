using System.Globalization;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace AccountBot.Operations;

/// <summary>
/// <c>backup &lt;file&gt;</c>, <c>restore &lt;file&gt;</c> and <c>doctor</c>: operator commands that run and exit
/// without starting the web server. A backup goes through the running bot's admin endpoint when the bot holds the
/// database (one writer), or opens the database itself when the bot is stopped. Exit codes: 0 done (doctor: every
/// check passed), 1 could not run (doctor: a check failed), 2 bad arguments.
/// </summary>
internal static class OperatorCli
{
    public const string Usage = """
        Usage:
          backup <file>    Write a consistent copy of the database to <file> (a new file, owner-only), while the bot
                           runs (through its admin endpoint) or not.
          restore <file>   With the bot stopped, replace the database (Storage:LiteDb:Path) by the backup <file>;
                           the old database is kept beside it as <name>.before-restore-<time>.
          doctor           Check the configuration, the database, the link signing key, the Data Protection key ring
                           and the Slack and Teams settings; print what to fix. Exit code 0 when all pass, else 1.

        Configuration is read as the bot reads it: appsettings.json, appsettings.{Environment}.json, environment
        variables such as Storage__LiteDb__Path, and --Key=value after the command (--Storage:LiteDb:Path=…).
        """;

    public static bool IsCommand(string[] args) => args is ["backup" or "restore" or "doctor", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, null, CancellationToken.None);

    /// <param name="configure">Changes the composed services before they are built (tests: a temp database, settings).</param>
    internal static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        Action<WebApplicationBuilder>? configure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        (args, var overrides) = CliHost.Split(args);
        if (args is not (["backup" or "restore", { Length: > 0 }] or ["doctor"]))
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return CliExitCode.BadArguments;
        }

        try
        {
            await using var app = CliHost.Build(overrides, configure);
            return args switch
            {
                ["backup", var file] => await BackupAsync(app, Path.GetFullPath(file), output, error, cancellationToken).ConfigureAwait(false),
                ["restore", var file] => await RestoreAsync(app, Path.GetFullPath(file), output, error).ConfigureAwait(false),
                _ => await Doctor.RunAsync(app, output, cancellationToken).ConfigureAwait(false) ? CliExitCode.Ok : CliExitCode.CouldNotRun,
            };
        }
        catch (Exception ex) when (ex is OptionsValidationException or LiteDbStartupException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{args[0]}: {ex.Message}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }
    }

    private static async Task<int> BackupAsync(WebApplication app, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = CliHost.DatabasePath(app);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"backup: there is no database at {path} (set Storage:LiteDb:Path).").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        if (File.Exists(target))
        {
            await error.WriteLineAsync($"backup: '{target}' exists: name a new file.").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        LiteDbContext database;
        try
        {
            database = app.Services.GetRequiredService<LiteDbContext>();
        }
        catch (LiteDbStartupException ex) when (ex.Failure == LiteDbStartupFailure.Locked)
        {
            var answer = await AdminClient.SendAsync(path, HttpMethod.Post, "backup", target, cancellationToken).ConfigureAwait(false);
            if (answer is not { Succeeded: true })
            {
                await error.WriteLineAsync(answer is null
                    ? $"backup: the database at {path} is held by a running bot that has no admin endpoint (Admin:Enabled is false): stop the bot, or turn the endpoint on."
                    : $"backup: the running bot answered {(int)answer.Status}: {answer.Text}").ConfigureAwait(false);
                return CliExitCode.CouldNotRun;
            }

            await output.WriteLineAsync(answer.Text).ConfigureAwait(false);
            return CliExitCode.Ok;
        }

        var documents = LiteDbBackup.Write(database, target);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backed up {documents} document(s) of {path} to {target}.")).ConfigureAwait(false);
        return CliExitCode.Ok;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string backup, TextWriter output, TextWriter error)
    {
        var path = CliHost.DatabasePath(app);
        string? aside;
        try
        {
            aside = LiteDbBackup.Restore(backup, path, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        catch (LiteDbStartupException ex) when (ex.Failure == LiteDbStartupFailure.Locked)
        {
            await error.WriteLineAsync($"restore: the database at {path} is held by a running bot: stop it first (restore replaces the file).").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        // Opened as the bot opens it, so a restore that would not start the bot says so now.
        _ = app.Services.GetRequiredService<LiteDbContext>().Ping();
        await output.WriteLineAsync($"Restored {backup} into {path}.").ConfigureAwait(false);
        if (aside is not null)
        {
            await output.WriteLineAsync($"The database it replaced is at {aside}.").ConfigureAwait(false);
        }

        await output.WriteLineAsync("Slack tokens in it are encrypted with the Data Protection key ring: restore the key ring folder saved with this backup too (see README, Backups).").ConfigureAwait(false);
        return CliExitCode.Ok;
    }
}
