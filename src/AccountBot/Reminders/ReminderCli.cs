using System.Globalization;
using AccountBot.Core.Reminders;
using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AccountBot.Reminders;

/// <summary>
/// <c>reminders preview [--at INSTANT]</c> and <c>reminders run-now [--channel ID]</c>: the operator's view of the
/// reminder outbox. Builds the bot's services as the server does (same configuration, same database) but never
/// starts the web server or the scheduler. Exit codes: 0 done, 1 could not run, 2 bad arguments.
/// </summary>
internal static class ReminderCli
{
    public const int Ok = 0;
    public const int CouldNotRun = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        Usage:
          reminders preview [--at <instant>]   Show which channels would get which digest at <instant>
                                              (default: now). Sends and writes nothing.
          reminders run-now [--channel <id>]  Plan and send the digests due now (only that channel's with
                                              --channel) and print what happened.
          reminders help                      Show this text.

        <instant> is an ISO 8601 date and time; without an offset it is UTC, e.g. 2026-12-07T09:00Z.
        Configuration (database path, Reminders section) is read as the bot reads it: appsettings.json,
        appsettings.{Environment}.json, environment variables such as Storage__LiteDb__Path.
        The database is opened exclusively: stop the bot first, or the command exits with code 1.
        """;

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

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
        var command = Parse(args, out var problem);
        if (command is null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return BadArguments;
        }

        if (command.Verb == Verb.Help)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return Ok;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

            // The command's output is stdout; the bot's own log lines go to stderr, warnings and worse only.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

            // A provider rule: the Logging section's Default level does not lower it.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            builder.AddAccountBot();
            configure?.Invoke(builder);
            await using var app = builder.Build();
            if (command.Verb == Verb.Preview && StorageSelection.Provider(builder.Configuration) == StorageProvider.LiteDb && DatabasePath(app) is { } path && !File.Exists(path))
            {
                // Opening would create an empty database: a preview writes nothing, and a wrong path is the likelier story.
                await error.WriteLineAsync($"reminders preview: there is no database at {path} (set Storage:LiteDb:Path).").ConfigureAwait(false);
                return CouldNotRun;
            }

            var runner = app.Services.GetRequiredService<ReminderRunner>();
            var time = app.Services.GetRequiredService<TimeProvider>();
            if (command.Verb == Verb.Preview)
            {
                var preview = await runner.PreviewAsync(command.At ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await WritePreviewAsync(output, preview).ConfigureAwait(false);
            }
            else
            {
                var started = time.GetUtcNow();
                var report = await runner.RunAsync(command.Channel, cancellationToken).ConfigureAwait(false);
                await WriteRunAsync(output, started, command.Channel, report).ConfigureAwait(false);
            }

            return Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or LiteDbStartupException or IOException)
        {
            await error.WriteLineAsync($"reminders {command.Verb.ToString().ToLowerInvariant()}: {ex.Message}").ConfigureAwait(false);
            return CouldNotRun;
        }
    }

    /// <summary>The database file as the storage resolves it (relative paths against the content root).</summary>
    private static string? DatabasePath(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path;
        return string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, app.Environment.ContentRootPath);
    }

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

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static string Channel(PlannedDigest digest) =>
        digest.Channel.Name is { } name ? $"#{name} ({digest.ChannelId})" : digest.ChannelId;

    private static async Task WritePreviewAsync(TextWriter output, ReminderPreview preview)
    {
        await output.WriteLineAsync($"Reminders preview at {Format(preview.At)}: nothing is sent or written.").ConfigureAwait(false);
        foreach (var digest in preview.Digests.OrderBy(d => d.Key.Value, StringComparer.Ordinal))
        {
            await WriteDigestAsync(output, "digest", digest).ConfigureAwait(false);
        }

        foreach (var key in preview.Settled.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"settled {key.Workspace.Value} {key.ChannelId} {key.Value}: nothing to report, or reminders off").ConfigureAwait(false);
        }

        foreach (var entry in preview.Pending)
        {
            var due = entry.NextAttemptAt is { } next ? Format(next) : "now";
            var what = entry.State == OutboxState.Sending
                ? $"outcome of attempt {entry.Attempts} unknown, resolved at {due}"
                : $"pending after {entry.Attempts} attempts, next at {due}";
            await output.WriteLineAsync($"queued  {entry.Key.Workspace.Value} {entry.Key.ChannelId} {entry.Key.Value}: {what}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{preview.Digests.Count} digest(s) would be sent, {preview.Settled.Count} week(s) settled, {preview.Pending.Count} already queued.")).ConfigureAwait(false);
    }

    private static async Task WriteDigestAsync(TextWriter output, string label, PlannedDigest digest)
    {
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{label} {digest.Workspace.Value} {Channel(digest)} {digest.Key.Value}: {digest.Digest.TotalCount} account(s), occurrence {Format(digest.Occurrence)}")).ConfigureAwait(false);
        foreach (var item in digest.Items)
        {
            await output.WriteLineAsync($"  - {item.Name} (owner {item.Owner.Name}): {item.Summary}").ConfigureAwait(false);
        }

        if (digest.Digest.MoreText is { } more)
        {
            await output.WriteLineAsync($"  - {more} ({digest.Digest.ListCommand})").ConfigureAwait(false);
        }
    }

    private static async Task WriteRunAsync(TextWriter output, DateTimeOffset started, string? channel, ReminderRunReport report)
    {
        var scope = channel is null ? "all channels" : $"channel {channel}";
        await output.WriteLineAsync($"Reminders run at {Format(started)} for {scope}.").ConfigureAwait(false);
        foreach (var entry in report.Recovered)
        {
            var resolution = entry.State switch
            {
                OutboxState.Sent => "the platform has it, recorded as sent",
                OutboxState.Pending => "sending again",
                OutboxState.Failed => "given up",
                _ => $"asking the platform again at {(entry.NextAttemptAt is { } next ? Format(next) : "?")}",
            };
            await output.WriteLineAsync($"recovered {entry.Key.Value}: an earlier attempt's outcome was unknown; {resolution}: {entry.LastError}").ConfigureAwait(false);
        }

        foreach (var digest in report.Planned)
        {
            await WriteDigestAsync(output, "planned", digest).ConfigureAwait(false);
        }

        foreach (var key in report.Settled)
        {
            await output.WriteLineAsync($"settled {key.Value}: nothing to report, or reminders off").ConfigureAwait(false);
        }

        foreach (var outcome in report.Outcomes)
        {
            var line = outcome.State switch
            {
                OutboxState.Sent => $"sent    {outcome.Key.Value} (attempt {outcome.Attempts}){(outcome.Detail is { } id ? " message " + id : string.Empty)}",
                OutboxState.Pending => $"retry   {outcome.Key.Value} (attempt {outcome.Attempts}) at {(outcome.NextAttemptAt is { } next ? Format(next) : "?")}: {outcome.Detail}",
                OutboxState.Failed => $"failed  {outcome.Key.Value} (attempt {outcome.Attempts}): {outcome.Detail}",
                OutboxState.Superseded => $"dropped {outcome.Key.Value}: {outcome.Detail}",
                _ => $"unknown {outcome.Key.Value} (attempt {outcome.Attempts}), resolved at {(outcome.NextAttemptAt is { } at ? Format(at) : "?")}: {outcome.Detail}",
            };
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        int Count(OutboxState state) => report.Outcomes.Count(o => o.State == state);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(OutboxState.Sent)} sent, {Count(OutboxState.Pending)} to retry, {Count(OutboxState.Failed)} failed, {Count(OutboxState.Sending)} unknown, {report.Settled.Count} settled.")).ConfigureAwait(false);
    }

    private enum Verb
    {
        Help,
        Preview,
        RunNow,
    }

    private sealed record Command(Verb Verb, DateTimeOffset? At, string? Channel);
}
