using AccountBot.Core.Workspaces;
using AccountBot.Retention;

namespace AccountBot.Workspaces;

/// <summary>
/// Registers data leaving with the workspace: <see cref="WorkspaceRemovals"/> (what the chat adapters report through
/// <see cref="IWorkspaceLifecycle"/>), its grace period from <c>Privacy:UninstallGraceDays</c> (bound and validated by
/// <see cref="RetentionHostingExtensions.AddRetention"/>), and the <see cref="WorkspaceRemovalService"/> that deletes.
/// </summary>
internal static class WorkspaceHostingExtensions
{
    public static IServiceCollection AddWorkspaceRemovals(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WorkspaceRemovalPolicy(sp.GetRequiredService<PrivacyOptions>().UninstallGrace));
        services.AddSingleton<WorkspaceRemovals>();
        services.AddSingleton<IWorkspaceLifecycle>(sp => sp.GetRequiredService<WorkspaceRemovals>());
        services.AddSingleton<WorkspaceRemovalService>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkspaceRemovalService>());
        return services;
    }
}
