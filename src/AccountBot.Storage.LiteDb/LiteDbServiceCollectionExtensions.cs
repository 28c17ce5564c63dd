using AccountBot.Adapters.FollowUps;
using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Storage.LiteDb;

/// <summary>Registers the LiteDB storage: options, the one database, the stores.</summary>
public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LiteDbOptions"/> to <c>Storage:LiteDb</c> (validated at start-up), registers
    /// <see cref="LiteDbContext"/> as a singleton opened while the host starts and disposed when it
    /// stops, and the stores behind <see cref="IAccountMapStore"/>, <see cref="IChannelSettingsStore"/> and the other
    /// ports of <c>AccountBot.Core.Abstractions</c> (conversations, blocked conversations, outbox, installations).
    /// Readiness: a health check named <c>database</c>, unhealthy until the host has opened the file.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LiteDbOptions>()
            .Bind(configuration.GetSection(LiteDbOptions.Section))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.Path),
                $"{LiteDbOptions.Section}:Path is empty: set it to the database file, e.g. '{LiteDbOptions.DefaultPath}'.")
            .Validate(
                o => o.MapCacheSize >= 0,
                $"{LiteDbOptions.Section}:MapCacheSize must be 0 (no cache) or more.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LiteDbOptions>>().Value;
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            var path = Path.GetFullPath(options.Path, contentRoot);
            return new LiteDbContext(path, sp.GetRequiredService<ILogger<LiteDbContext>>(), options.MapCacheSize);
        });
        services.AddHostedService<LiteDbStartup>();
        services.TryAddSingleton<LiteDbReadiness>();
        services.AddHealthChecks().AddCheck<LiteDbHealthCheck>(LiteDbHealthCheck.Name);
        services.TryAddSingleton<IAccountMapStore, LiteDbAccountMapStore>();
        services.TryAddSingleton<IChannelSettingsStore, LiteDbChannelSettingsStore>();
        services.TryAddSingleton<IConversationStore, LiteDbConversationStore>();
        services.TryAddSingleton<IBlockedConversationStore, LiteDbBlockedConversationStore>();
        services.TryAddSingleton<IDigestOutbox, LiteDbDigestOutbox>();
        services.TryAddSingleton<IWorkspaceInstallationStore, LiteDbWorkspaceInstallationStore>();
        services.TryAddSingleton<ISeenEventStore, LiteDbSeenEventStore>();
        services.TryAddSingleton<INotifySettingsStore, LiteDbNotifySettingsStore>();
        services.TryAddSingleton<IFollowUpOutbox, LiteDbFollowUpOutbox>();
        services.TryAddSingleton<IWorkspaceDataStore, LiteDbWorkspaceDataStore>();
        return services;
    }
}
