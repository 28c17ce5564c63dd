using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountBot.Core.FollowUps;

public static class FollowUpServiceCollectionExtensions
{
    /// <summary>The one <see cref="FollowUpQueue"/> and its worker, shared by the Teams and Slack adapters (safe to call twice).</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        // The host binds and validates the FollowUps section first; hosts that don't (tests) get the defaults.
        services.TryAddSingleton(new FollowUpOptions());
        services.TryAddSingleton<FollowUpQueue>();
        services.AddHostedService<FollowUpWorker>();
        return services;
    }
}
