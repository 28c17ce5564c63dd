using AccountBot.Hosting;

namespace AccountBot.Operations;

/// <summary>Registers the loopback admin endpoint that operator commands use while the bot runs.</summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddAdminEndpoint(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddSingleton<AdminRequests>();
        services.AddSingleton<WorkspaceCommands>();
        services.AddHostedService<AdminServer>();
        return services;
    }
}
