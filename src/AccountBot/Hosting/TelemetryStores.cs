using AccountBot.Core.Abstractions;
using AccountBot.Core.Telemetry;

namespace AccountBot.Hosting;

/// <summary>Wraps each registered storage port in a <see cref="TimedStore"/>, so store latency is measured whichever storage is configured.</summary>
internal static class TelemetryStores
{
    private static readonly Type[] Ports =
    [
        typeof(IAccountMapStore),
        typeof(IChannelSettingsStore),
        typeof(IConversationStore),
        typeof(IBlockedConversationStore),
        typeof(IDigestOutbox),
        typeof(IWorkspaceInstallationStore),
        typeof(IPendingImportStore),
    ];

    /// <summary>Call after the storage is registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.IsKeyedService || !Ports.Contains(registered.ServiceType))
                continue;

            services[i] = ServiceDescriptor.Describe(
                registered.ServiceType,
                sp => TimedStore.Create(registered.ServiceType, Inner(sp, registered), sp.GetRequiredService<BotMetrics>()),
                registered.Lifetime);
        }
    }

    private static object Inner(IServiceProvider services, ServiceDescriptor registered) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}
