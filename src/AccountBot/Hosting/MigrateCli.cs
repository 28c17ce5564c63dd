using AccountBot.Operations;
using AccountBot.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountBot.Hosting;

/// <summary>
/// <c>migrate</c>: applies the pending PostgreSQL schema migrations and exits, for operators who turn
/// <c>Storage:Postgres:MigrateOnStart</c> off and migrate before a deploy. Reads configuration as the bot does.
/// Exit codes: 0 done (or nothing to do), 1 could not run.
/// </summary>
internal static class MigrateCli
{
    /// <summary>"migrate", optionally followed by configuration overrides such as <c>--Storage:Postgres:ConnectionString=…</c>.</summary>
    public static bool IsCommand(string[] args) => args is ["migrate", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..] });
            builder.Logging.ClearProviders();
            if (StorageSelection.Provider(builder.Configuration) != StorageProvider.Postgres)
            {
                await error.WriteLineAsync($"migrate: {StorageSelection.ProviderKey} is not {StorageProvider.Postgres}; LiteDB needs no migrations.").ConfigureAwait(false);
                return CliExitCode.CouldNotRun;
            }

            builder.Services.AddPostgresStorage(builder.Configuration);
            await using var app = builder.Build();
            _ = app.Services.GetRequiredService<IOptions<PostgresOptions>>().Value;
            var applied = await app.Services.GetRequiredService<PostgresMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            var current = PostgresMigration.All.Count == 0 ? 0 : PostgresMigration.All[^1].Version;
            await output.WriteLineAsync(applied.Count == 0
                ? $"migrate: the schema is up to date (version {current})."
                : $"migrate: applied {string.Join(", ", applied)}; the schema is at version {current}.").ConfigureAwait(false);
            return CliExitCode.Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or NpgsqlException)
        {
            await error.WriteLineAsync($"migrate: {ex.Message}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }
    }
}
