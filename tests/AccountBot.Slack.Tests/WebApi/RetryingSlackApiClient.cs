using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Tests.WebApi;

/// <summary>
/// A <see cref="SlackApiClient"/> as the adapter registers it (its HttpClient with the retry handler and the call
/// metrics), pointed at a fake Web API, on a clock the test controls.
/// </summary>
internal static class RetryingSlackApiClient
{
    public static ServiceProvider Services(Uri apiBaseUrl, ISlackInstallationStore installations, TimeProvider time, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = apiBaseUrl.AbsoluteUri };
        foreach (var (key, value) in settings)
            values[key] = value;
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton(time);
        services.AddSingleton(installations);
        services.AddSlackAdapter(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider();
    }
}
