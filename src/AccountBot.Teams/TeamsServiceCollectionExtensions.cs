using AccountBot.Core.Logging;
using AccountBot.Core.FollowUps;
using AccountBot.Core.Accounts;
using AccountBot.Core.Http;
using AccountBot.Core.Telemetry;
using AccountBot.Teams.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Routing;
using AccountBot.Teams.Security;
using AccountBot.Teams.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AccountBot.Teams;

/// <summary>Registers the Teams adapter: options, inbound authentication, connector client, router.</summary>
public static class TeamsServiceCollectionExtensions
{
    public const string MetadataHttpClientName = "AccountBot.Teams.OpenIdMetadata";

    /// <summary>
    /// Binds <see cref="TeamsOptions"/> from section <c>Teams</c> and <see cref="BotCredentialsOptions"/>
    /// from the root keys <c>MicrosoftAppType/Id/Password/TenantId</c>, both validated at start-up,
    /// and registers <see cref="BotAuthenticator"/>, <see cref="ConnectorClient"/> and
    /// <see cref="TeamsActivityRouter"/>. Map the endpoint with <see cref="TeamsEndpoints.MapTeamsEndpoints"/>. Needs an
    /// <see cref="AccountBot.Core.Abstractions.IBlockedConversationStore"/> from the host (the storage registers one).
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
            .AddResilienceHandler("teams-connector", static (pipeline, context) =>
            {
                var retry = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorRetry;
                if (retry.MaxRetries == 0)
                    return;
                var policy = new ConnectorRetryPolicy(retry, context.ServiceProvider.GetRequiredService<TimeProvider>());
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = retry.MaxRetries,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result is { } response && ConnectorRetryPolicy.IsTransient(response.StatusCode)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(policy.GetDelay(args.AttemptNumber, args.Outcome.Result)),
                });
            });

        // The typed client's name; added after the retries, so it is inside them and measures every attempt.
        services.TryAddSingleton<BotMetrics>();
        services.AddHttpClient(nameof(ConnectorClient))
            .AddHttpMessageHandler(sp => new ApiCallMetricsHandler(sp.GetRequiredService<BotMetrics>(), Platform.Teams, ConnectorOperation.Of));

        services.TryAddSingleton<TeamsActivityRouter>();
        services.AddFollowUps();
        return services;
    }
}
