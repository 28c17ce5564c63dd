using AccountBot.Adapters.FollowUps;
using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>Registers the PostgreSQL storage: options, one pooled data source, the migrations, the stores.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PostgresOptions"/> to <c>Storage:Postgres</c> (validated at start-up), registers one
    /// <see cref="NpgsqlDataSource"/> (disposed with the container), the <see cref="PostgresMigrator"/> run while the
    /// host starts, the stores behind every port of <c>AccountBot.Core.Abstractions</c>, and the
    /// <see cref="PostgresMapChangeListener"/> that keeps the map cache current (a hosted service).
    /// Readiness: a health check named <c>database</c>, unhealthy until the migrations are applied.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PostgresOptions>()
            .Bind(configuration.GetSection(PostgresOptions.Section))
            .Validate(
                o => IsConnectionString(o.ConnectionString),
                $"{PostgresOptions.Section}:ConnectionString is empty or not a connection string: set it, e.g. 'Host=localhost;Database=accountbot;Username=accountbot;Password=…'.")
            .Validate(o => o.MapCacheSize >= 0, $"{PostgresOptions.Section}:MapCacheSize must be 0 (no cache) or more.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString);
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.TryAddSingleton<PostgresMigrator>();
        services.TryAddSingleton<PostgresStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresStartup>());
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>(PostgresHealthCheck.Name);
        services.TryAddSingleton(sp => new PostgresMapCache(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.MapCacheSize));
        services.TryAddSingleton<PostgresMapChangeListener>();

        // After PostgresStartup: the listener checks that the migrations installed the change trigger.
        services.AddHostedService(sp => sp.GetRequiredService<PostgresMapChangeListener>());
        services.TryAddSingleton<IAccountMapStore>(sp => new PostgresAccountMapStore(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresAccountMapStore>>(),
            sp.GetRequiredService<PostgresMapCache>()));
        services.TryAddSingleton<IChannelSettingsStore, PostgresChannelSettingsStore>();
        services.TryAddSingleton<IConversationStore, PostgresConversationStore>();
        services.TryAddSingleton<IBlockedConversationStore, PostgresBlockedConversationStore>();
        services.TryAddSingleton<IDigestOutbox, PostgresDigestOutbox>();
        services.TryAddSingleton<IWorkspaceInstallationStore, PostgresWorkspaceInstallationStore>();
        services.TryAddSingleton<IPendingImportStore, PostgresPendingImportStore>();
        services.TryAddSingleton<ISeenEventStore, PostgresSeenEventStore>();
        services.TryAddSingleton<INotifySettingsStore, PostgresNotifySettingsStore>();
        services.TryAddSingleton<IFollowUpOutbox, PostgresFollowUpOutbox>();
        services.TryAddSingleton<PostgresKeyRingStore>();
        services.TryAddSingleton<IWorkspaceDataStore, PostgresWorkspaceDataStore>();
        return services;
    }

    private static bool IsConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
