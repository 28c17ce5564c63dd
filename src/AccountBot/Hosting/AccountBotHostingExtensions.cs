using AccountBot.Adapters.FollowUps;
using AccountBot.Core;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.KeyRing;
using AccountBot.Operations;
using AccountBot.Reminders;
using AccountBot.Retention;
using AccountBot.Slack;
using AccountBot.Slack.Hosting;
using AccountBot.Pictures;
using AccountBot.Teams.Bot;

namespace AccountBot.Hosting;

/// <summary>Composes the bot: the only place that knows every project.</summary>
public static class AccountBotHostingExtensions
{
    public static WebApplicationBuilder AddAccountBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        KestrelLimits.Configure(builder);
        ForwardedHeadersSettings.Configure(services);
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<CoverageOptions>(CoverageOptions.Section);
        services.AddValidatedOptions<LimitsOptions>(LimitsOptions.Section);
        services.AddValidatedOptions<ReminderOptions>(ReminderOptions.Section, ValidateReminders);
        services.AddValidatedOptions<FollowUpOptions>(FollowUpOptions.Section);
        GracefulStop.Configure(services);
        services.AddSelectedStorage(builder.Configuration);
        services.AddHealthProbes();
        services.AddKeyRing(builder.Configuration);
        services.AddAccountBotCore();
        services.AddReminderDelivery();
        services.AddRetention();
        services.AddSlackBot(builder.Configuration);
        services.AddTeamsBot(builder.Configuration);
        services.AddPictures(builder.Configuration);
        services.AddHostedService<StartupBanner>();
        services.AddAdminEndpoint();
        builder.AddTelemetry(); // last: it wraps the stores registered above
        return builder;
    }

    public static WebApplication MapAccountBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so everything after it (the Slack OAuth state cookie's Secure flag, Request.Scheme and Host) sees what
        // a trusted proxy forwarded; see ForwardedHeadersSettings.
        app.UseForwardedHeaders();
        app.MapHealthEndpoints();
        if (!app.MapSlackBot())
        {
            SlackHostLog.EndpointsDisabled(app.Logger);
        }

        app.MapTeamsBot();
        app.MapPictureEndpoints();
        return app;
    }

    private static IEnumerable<string> ValidateReminders(ReminderOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            yield return $"{ReminderOptions.Section}:TimeZone '{options.TimeZone}' is not a known IANA time zone (e.g. Europe/Paris).";
        }
    }
}
