using AccountBot.Adapters.Conversations;
using AccountBot.Core.Caching;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Rendering;
using AccountBot.Teams.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountBot.Teams.Bot;

/// <summary>The Teams bot in two calls: <c>services.AddTeamsBot(configuration)</c> and <c>app.MapTeamsBot()</c>.</summary>
public static class TeamsBotServiceCollectionExtensions
{
    /// <summary>The adapter (<see cref="TeamsServiceCollectionExtensions.AddTeamsAdapter"/>), the card renderers, the bot and the digest sender.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTeamsAdapter(configuration);
        services.TryAddSingleton<StakeholderFormRenderer>();
        services.TryAddSingleton<DigestCardRenderer>();
        services.TryAddSingleton<ViewCardRenderer>();
        services.TryAddSingleton<CsvCardRenderer>();
        services.TryAddSingleton<RenderedOutputCache>();
        services.TryAddSingleton(sp => new TeamsCardRenderer(
            sp.GetRequiredService<RenderedOutputCache>(),
            sp.GetRequiredService<StakeholderFormRenderer>(),
            sp.GetRequiredService<DigestCardRenderer>(),
            sp.GetRequiredService<ViewCardRenderer>(),
            sp.GetRequiredService<CsvCardRenderer>()));
        services.TryAddSingleton<ConversationAddressRecorder>();
        services.TryAddSingleton<TeamsBot>();
        services.TryAddSingleton<CaptureCardRenderer>();
        services.TryAddSingleton<TeamsMessageActions>();

        // Transient: it holds the typed connector HttpClient, which the factory rotates.
        services.TryAddEnumerable(ServiceDescriptor.Transient<IDigestSender, TeamsDigestSender>());
        services.TryAddTransient<TeamsDigestSender>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<INudgeSender, TeamsNudgeSender>());
        return services;
    }

    /// <summary><c>POST /api/messages</c> with the bot's handlers and its message actions.</summary>
    public static IEndpointConventionBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints, string pattern = TeamsEndpoints.DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bot = endpoints.ServiceProvider.GetRequiredService<TeamsBot>();
        var messageActions = endpoints.ServiceProvider.GetRequiredService<TeamsMessageActions>();
        return endpoints.MapTeamsEndpoints(
            router =>
            {
                bot.Register(router);
                messageActions.Register(router);
            },
            pattern);
    }
}
