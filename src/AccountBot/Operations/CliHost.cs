using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AccountBot.Operations;

/// <summary>
/// The bot's services as the server composes them (same configuration, same database path) for an operator command,
/// which never starts the web server or the hosted services.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// Splits the configuration overrides (<c>--Key=value</c>, e.g. <c>--Storage:Provider=Postgres</c>, read as the
    /// bot reads its command line) from the command's own words and options (<c>--at &lt;instant&gt;</c> takes no '=').
    /// </summary>
    public static (string[] Command, string[] Overrides) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        static bool IsOverride(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2;
        return ([.. args.Where(a => !IsOverride(a))], [.. args.Where(IsOverride)]);
    }

    /// <param name="overrides">Configuration from the command line (<see cref="Split"/>), above every other source, as for the bot.</param>
    public static WebApplication Build(string[] overrides, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = overrides });

        // The command's output is stdout; the bot's own log lines go to stderr, warnings and worse only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // A provider rule: the Logging section's Default level does not lower it.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        // Every command catches the database's start-up failure itself: a file held by the running bot is the normal
        // case (the command goes through the bot's admin endpoint), and any other failure is printed as one line. The
        // store's own error entry, with its stack trace, would only alarm the operator.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(LiteDbContext).FullName, LogLevel.None);
        builder.AddAccountBot();
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The database file as the storage resolves it (relative paths against the content root).</summary>
    public static string DatabasePath(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configured = app.Services.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path;
        return Path.GetFullPath(configured, app.Environment.ContentRootPath);
    }
}
