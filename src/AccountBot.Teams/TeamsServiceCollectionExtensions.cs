using AccountBot.Adapters.Http;
using AccountBot.Core.Logging;
using AccountBot.Core.Accounts;
using AccountBot.Core.Telemetry;
using AccountBot.Teams.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Routing;
using AccountBot.Teams.Security;
using AccountBot.Teams.Telemetry;
using AccountBot.Adapters.FollowUps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams;

/// <summary>Registers the Teams adapter: options, inbound authentication, connector client, router.</summary>
public static class TeamsServiceCollectionExtensions
{
    public const string MetadataHttpClientName = "AccountBot.Teams.OpenIdMetadata";

    /// <summary>
    /// Binds <see cref="TeamsOptions"/> from section <c>Teams</c> and <see cref="BotCredentialsOptions"/>
    /// from the root keys <c>MicrosoftAppType/Id/Password/TenantId</c>, both validated at start-up,
    /// and registers <see cref="BotAuthenticator"/>, <see cref="ConnectorClient"/> and
    /// <see cref="TeamsActivityRouter"/> with the endpoint's <see cref="TeamsRequestHandler"/>. Map the endpoint with <see cref="TeamsEndpoints.MapTeamsEndpoints"/>. Needs an
    /// <see cref="AccountBot.Adapters.Conversations.IBlockedConversationStore"/> from the host (the storage registers one).
    /// </summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddOptions<BotCredentialsOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>();

        services.AddHttpClient(MetadataHttpClientName);
        services.TryAddSingleton(sp => new BotFrameworkSigningKeys(
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value.OpenIdMetadataUrl,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RejectionLog>();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<TeamsMemberDirectory>();
        services.TryAddSingleton<TeamsAccessGate>();

        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<IBlockedConversations, BlockedConversations>();
        services.AddHttpClient<ConnectorClient>()
            .ConfigurePrimaryHttpMessageHandler(ApiHttpHandler.Create)
            .RemoveAllLoggers() // ConnectorClient logs failures itself; the factory's request logs cost every reply a scope
            .AddApiRetry("teams-connector", static sp => sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorRetry);

        // The typed client's name; added after the retries, so it is inside them and measures every attempt.
        services.TryAddSingleton<BotMetrics>();
        services.AddHttpClient(nameof(ConnectorClient))
            .AddHttpMessageHandler(sp => new ApiCallMetricsHandler(sp.GetRequiredService<BotMetrics>(), Platform.Teams, ConnectorOperation.Of));

        services.TryAddSingleton<TeamsActivityRouter>();
        services.TryAddSingleton<TeamsRequestHandler>();
        services.AddFollowUps();
        // Replies and card updates promised after the ack are stored and sent by this (see TeamsTurn.ReplyAfterAck);
        // a read-only turn's answers it sends from memory (TeamsRequestHandler). One instance serves both: the outbox
        // finds it under its kind, the handler by its type.
        services.TryAddSingleton<TeamsReplySender>();
        services.TryAddKeyedSingleton<IFollowUpSender>(TeamsReplySender.Kind, static (sp, _) => sp.GetRequiredService<TeamsReplySender>());
        return services;
    }
}
