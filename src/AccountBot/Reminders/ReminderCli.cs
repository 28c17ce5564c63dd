using System.Globalization;
using AccountBot.Core.Reminders;
using AccountBot.Hosting;
using AccountBot.Operations;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace AccountBot.Reminders;

/// <summary>
/// <c>reminders preview [--at INSTANT]</c> and <c>reminders run-now [--channel ID]</c>: the operator's view of the
/// reminder outbox. Builds the bot's services as the server does (same configuration, same database) but never
/// starts the web server or the scheduler; when a running bot holds the database, asks that bot's admin endpoint to
/// run the command and prints its answer. Exit codes: 0 done, 1 could not run, 2 bad arguments.
/// </summary>
internal static class ReminderCli
{
    public const string Usage = """
        Usage:
          reminders preview [--at <instant>]   Show which channels would get which digest at <instant>
                                              (default: now). Sends and writes nothing.
          reminders run-now [--channel <id>]  Plan and send the digests due now (only that channel's with
                                              --channel) and print what happened.
          reminders help                      Show this text.

        <instant> is an ISO 8601 date and time; without an offset it is UTC, e.g. 2026-12-07T09:00Z.
        Configuration (database path, Reminders section) is read as the bot reads it: appsettings.json,
        appsettings.{Environment}.json, environment variables such as Storage__LiteDb__Path, and --Key=value
        after the command (--Storage:LiteDb:Path=…).
        While the bot runs (it holds the database), the command is run by the bot itself through its loopback
        admin endpoint (see README, Operator commands); otherwise it opens the database itself.
        """;

    public static bool IsCommand(string[] args) => args is ["reminders", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, null, CancellationToken.None);

    /// <param name="configure">Changes the composed services before they are built (tests: a fake sender, a fake clock, a temp database).</param>
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
        var (words, overrides) = CliHost.Split(args);
        var command = Parse(words, out var problem);
        if (command is null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return CliExitCode.BadArguments;
        }

        if (command.Verb == Verb.Help)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return CliExitCode.Ok;
        }

        try
        {
            await using var app = CliHost.Build(overrides, configure);
            var path = CliHost.DatabasePath(app);
            if (command.Verb == Verb.Preview && StorageSelection.Provider(app.Configuration) == StorageProvider.LiteDb && !File.Exists(path))
            {
                // Opening would create an empty database: a preview writes nothing, and a wrong path is the likelier story.
                await error.WriteLineAsync($"reminders preview: there is no database at {path} (set Storage:LiteDb:Path).").ConfigureAwait(false);
                return CliExitCode.CouldNotRun;
            }

            ReminderRunner runner;
            try
            {
                runner = app.Services.GetRequiredService<ReminderRunner>();
            }
            catch (LiteDbStartupException ex) when (ex.Failure == LiteDbStartupFailure.Locked)
            {
                // The bot runs and owns the file: it runs the command itself, so the database keeps one writer.
                return await RunInTheBotAsync(command, path, output, error, cancellationToken).ConfigureAwait(false);
            }

            var time = app.Services.GetRequiredService<TimeProvider>();
            if (command.Verb == Verb.Preview)
            {
                var preview = await runner.PreviewAsync(command.At ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await ReminderCliOutput.WritePreviewAsync(output, preview).ConfigureAwait(false);
            }
            else
            {
                var started = time.GetUtcNow();
                var report = await runner.RunAsync(command.Channel, cancellationToken).ConfigureAwait(false);
                await ReminderCliOutput.WriteRunAsync(output, started, command.Channel, report).ConfigureAwait(false);
            }

            return CliExitCode.Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or LiteDbStartupException or IOException)
        {
            await error.WriteLineAsync($"reminders {Name(command.Verb)}: {ex.Message}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }
    }

    private static async Task<int> RunInTheBotAsync(Command command, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var query = command switch
        {
            { At: { } at } => "?at=" + Uri.EscapeDataString(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            { Channel: { } channel } => "?channel=" + Uri.EscapeDataString(channel),
            _ => string.Empty,
        };
        var answer = await AdminClient.SendAsync(path, HttpMethod.Post, $"reminders/{Name(command.Verb)}{query}", null, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            await error.WriteLineAsync($"reminders {Name(command.Verb)}: the database at {path} is held by a running bot that has no admin endpoint (Admin:Enabled is false): stop the bot first, or turn the endpoint on.").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        if (!answer.Succeeded)
        {
            await error.WriteLineAsync($"reminders {Name(command.Verb)}: the running bot answered {(int)answer.Status}: {answer.Text}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        await output.WriteAsync(answer.Text).ConfigureAwait(false);
        return CliExitCode.Ok;
    }

    private static string Name(Verb verb) => verb == Verb.RunNow ? "run-now" : verb.ToString().ToLowerInvariant();

    private static Command? Parse(string[] args, out string problem)
    {
        problem = string.Empty;
        if (args is not ["reminders", var verb, .. var rest])
        {
            problem = "reminders: say what to do.";
            return null;
        }

        switch (verb)
        {
            case "help" or "--help" or "-h" when rest.Length == 0:
                return new Command(Verb.Help, null, null);
            case "preview":
                if (rest.Length == 0)
                {
                    return new Command(Verb.Preview, null, null);
                }

                if (rest is ["--at", var text] && TryParseInstant(text, out var at))
                {
                    return new Command(Verb.Preview, at, null);
                }

                problem = rest is ["--at", var bad] ? $"reminders preview: '{bad}' is not a date and time such as 2026-12-07T09:00Z." : "reminders preview: the only option is --at <instant>.";
                return null;
            case "run-now":
                if (rest.Length == 0)
                {
                    return new Command(Verb.RunNow, null, null);
                }

                if (rest is ["--channel", var channel] && !string.IsNullOrWhiteSpace(channel) && !channel.StartsWith("--", StringComparison.Ordinal))
                {
                    return new Command(Verb.RunNow, null, channel);
                }

                problem = "reminders run-now: the only option is --channel <id>.";
                return null;
            default:
                problem = $"reminders: unknown command '{verb}'.";
                return null;
        }
    }

    private static bool TryParseInstant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private enum Verb
    {
        Help,
        Preview,
        RunNow,
    }

    private sealed record Command(Verb Verb, DateTimeOffset? At, string? Channel);
}
