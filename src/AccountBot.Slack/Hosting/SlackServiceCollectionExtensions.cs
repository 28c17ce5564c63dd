using AccountBot.Adapters.Http;
using AccountBot.Core.Logging;
using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Telemetry;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using AccountBot.Slack.Telemetry;
using AccountBot.Slack.WebApi;
using AccountBot.Adapters.FollowUps;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Hosting;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter: <see cref="SlackOptions"/> bound to section <c>Slack</c> and validated at start,
    /// the signature verifier, <see cref="SlackListenerRegistry"/>, <see cref="SlackApiClient"/>, the follow-up worker, and an
    /// <see cref="ISlackInstallationStore"/> unless one is already registered (single-workspace when only
    /// <c>Slack:BotToken</c> is set, otherwise in memory). Then map with <c>app.MapSlackEndpoints()</c>.
    /// </summary>
    /// <summary>
    /// Maps Slack's endpoints to <see cref="SlackRequestHandler"/> when <c>Slack:SigningSecret</c> is set (and the
    /// install endpoints when <c>Slack:ClientId</c> is too); false when nothing was mapped.
    /// </summary>
    public static bool MapSlackEndpoints(this IEndpointRouteBuilder endpoints) => SlackRequestHandler.Map(endpoints);

    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<ISlackInstallationStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SlackOptions>>();
            return !string.IsNullOrEmpty(options.Value.BotToken) && !options.Value.OAuthEnabled
                ? new SingleWorkspaceInstallationStore(options)
                : new InMemorySlackInstallationStore();
        });
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<RejectionLog>();
        services.TryAddSingleton<SlackAccessGate>();
        services.TryAddSingleton<SlackChannelPacer>();
        services.TryAddSingleton<SlackEventDeduplicator>();
        services.TryAddSingleton<SlackOAuthState>();
        services.TryAddSingleton<RenderedOutputCache>();
        services.TryAddSingleton<SlackMessageRenderer>();
        services.TryAddSingleton<SlackRequestHandler>();
        services.TryAddScoped<SlackOAuthHandler>();
        services.TryAddSingleton(sp =>
        {
            var app = new SlackListenerRegistry();
            foreach (var registration in sp.GetServices<SlackListenerRegistration>())
                registration.Configure(app, sp);
            return app;
        });
        services.AddFollowUps();
        // response_url answers promised after the ack are stored (the URL encrypted) and sent by this.
        services.AddDataProtection();
        services.TryAddSingleton<SlackResponseUrls>();
        services.TryAddKeyedTransient<IFollowUpSender, SlackResponseUrlSender>(SlackResponseUrlSender.Kind);

        services.AddHttpClient<SlackApiClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        })
            .ConfigurePrimaryHttpMessageHandler(ApiHttpHandler.Create)
            .RemoveAllLoggers() // SlackApiClient logs failures (without tokens) itself
            .AddApiRetry("slack-web-api", static sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiRetry);

        // The typed client's name; added after the retries, so it is inside them and measures every attempt.
        services.TryAddSingleton<BotMetrics>();
        services.AddHttpClient(nameof(SlackApiClient))
            .AddHttpMessageHandler(sp => new ApiCallMetricsHandler(sp.GetRequiredService<BotMetrics>(), Platform.Slack, SlackApiOperation.Of));
        return services;
    }

    /// <summary>Registers listeners on the <see cref="SlackListenerRegistry"/> (may be called many times, e.g. once per feature).</summary>
    public static IServiceCollection AddSlackListeners(this IServiceCollection services, Action<SlackListenerRegistry, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new SlackListenerRegistration(configure));
        return services;
    }
}
