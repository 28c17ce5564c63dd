using AccountBot.Core.Abstractions;
using AccountBot.Core.Caching;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Bot;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountBot.Slack.Hosting;

public static class SlackBotServiceCollectionExtensions
{
    /// <summary>
    /// AccountBot on Slack: the persistent installation store (over <see cref="IWorkspaceInstallationStore"/>, tokens
    /// encrypted with Data Protection, plain ones from earlier versions encrypted at start-up; unless a single
    /// workspace is configured with <c>Slack:BotToken</c> only), the adapter (<c>AddSlackAdapter</c>), the
    /// renderers, the listeners and the digest sender. Needs the core and a storage registered by the host.
    /// </summary>
    public static IServiceCollection AddSlackBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SlackOptions.SectionName);
        var singleWorkspace = !string.IsNullOrEmpty(section[nameof(SlackOptions.BotToken)]) && string.IsNullOrEmpty(section[nameof(SlackOptions.ClientId)]);
        // Registered before AddSlackAdapter, whose TryAdd would otherwise pick the in-memory store.
        if (!singleWorkspace)
        {
            // Bot tokens are encrypted at rest; the host decides where the key ring lives.
            services.AddDataProtection();
            services.TryAddSingleton<PersistentSlackInstallationStore>();
            services.TryAddSingleton<ISlackInstallationStore>(sp => sp.GetRequiredService<PersistentSlackInstallationStore>());
            services.AddHostedService<SlackTokenProtectionStartup>();
        }

        services.AddSlackAdapter(configuration);
        services.TryAddSingleton<RenderedOutputCache>();
        services.TryAddSingleton<SlackMessageRenderer>();
        services.TryAddSingleton<StakeholderModalRenderer>();
        services.TryAddSingleton<ImportModalRenderer>();
        services.TryAddSingleton<AnnouncedSubmissions>();
        services.TryAddSingleton<SlackUserNames>();
        services.TryAddSingleton<SlackSharedChannels>();
        services.TryAddSingleton<SlackPrivateChannels>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Core.Abstractions.IWorkspaceAdmins, SlackWorkspaceAdmins>());
        services.TryAddSingleton<CaptureModalRenderer>();
        services.TryAddSingleton<SlackCsvExport>();
        services.TryAddTransient<SlackMapListeners>();
        services.TryAddTransient<SlackStakeholderListeners>();
        services.TryAddTransient<SlackCsvListeners>();
        services.TryAddTransient<SlackOptionsListeners>();
        services.TryAddTransient<SlackHomeListeners>();
        services.TryAddTransient<SlackMentionListeners>();
        services.TryAddTransient<SlackCaptureListeners>();
        services.TryAddTransient<SlackBotErrors>();
        services.TryAddKeyedTransient<IFollowUpSender, SlackAnnouncementSender>(SlackAnnouncementSender.Kind);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IDigestSender, SlackDigestSender>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<INudgeSender, SlackNudgeSender>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IDigestDeliveryCheck, SlackDigestDeliveryCheck>());
        services.AddSlackListeners(Register);
        return services;
    }

    /// <summary>Maps the Slack endpoints; false (nothing mapped) when <c>Slack:SigningSecret</c> is not set.</summary>
    public static bool MapSlackBot(this IEndpointRouteBuilder endpoints) => endpoints.MapSlackEndpoints();

    /// <summary>Every feature's listeners, each resolved per request with only what it uses; one error handler.</summary>
    private static void Register(SlackListenerRegistry app, IServiceProvider services)
    {
        Maps(app, () => services.GetRequiredService<SlackMapListeners>());
        Stakeholders(app, () => services.GetRequiredService<SlackStakeholderListeners>());
        Csv(app, () => services.GetRequiredService<SlackCsvListeners>());
        Options(app, () => services.GetRequiredService<SlackOptionsListeners>());
        Home(app, () => services.GetRequiredService<SlackHomeListeners>());
        Mentions(app, () => services.GetRequiredService<SlackMentionListeners>());
        Capture(app, () => services.GetRequiredService<SlackCaptureListeners>());
        SharedChannelChanges(app, services.GetRequiredService<SlackSharedChannels>());
        app.Error(services.GetRequiredService<SlackBotErrors>);
    }

    /// <summary><c>/map</c>, and the map card's and other messages' command buttons.</summary>
    private static void Maps(SlackListenerRegistry app, Func<SlackMapListeners> maps)
    {
        app.Command(SlackBotIds.SlashCommand, (c, ctx, ct) => maps().OnCommandAsync(c, ctx, ct));
        app.ActionPrefix(SlackBotIds.MapActionPrefix, (p, a, ctx, ct) => maps().OnActionAsync(p, a, ctx, ct));
        app.ActionPrefix(SlackBotIds.CommandActionPrefix, (p, a, ctx, ct) => maps().OnActionAsync(p, a, ctx, ct));
    }

    private static void Stakeholders(SlackListenerRegistry app, Func<SlackStakeholderListeners> stakeholders)
    {
        app.Action(SlackBotIds.StakeholderMoreDetails, (p, a, ctx, ct) => stakeholders().OnMoreDetailsAsync(p, a, ctx, ct));
        app.ViewSubmission(SlackBotIds.StakeholderForm, (p, ctx, ct) => stakeholders().OnStakeholderSubmittedAsync(p, ctx, ct));
    }

    private static void Csv(SlackListenerRegistry app, Func<SlackCsvListeners> csv)
    {
        app.ViewSubmission(SlackBotIds.ImportForm, (p, ctx, ct) => csv().OnImportFormSubmittedAsync(p, ctx, ct));
        app.ViewSubmission(SlackBotIds.ImportPreview, (p, ctx, ct) => csv().OnImportPreviewSubmittedAsync(p, ctx, ct));
    }

    private static void Options(SlackListenerRegistry app, Func<SlackOptionsListeners> options)
    {
        app.Options(Core.Accounts.StakeholderFields.ReportsTo, (p, ctx, ct) => options().OnPeopleOptionsAsync(p, ctx, ct));
        app.Options(Core.Accounts.StakeholderFields.RelatedTo, (p, ctx, ct) => options().OnPeopleOptionsAsync(p, ctx, ct));
        app.Options(SlackBotIds.MapEditSearch, (p, ctx, ct) => options().OnEditSearchOptionsAsync(p, ctx, ct));
    }

    private static void Home(SlackListenerRegistry app, Func<SlackHomeListeners> home)
    {
        app.Event(Protocol.SlackEventTypes.AppHomeOpened, (e, ctx, ct) => home().OnAppHomeOpenedAsync(e, ctx, ct));
        app.ActionPrefix(SlackBotIds.HomeActionPrefix, (p, a, ctx, ct) => home().OnHomeActionAsync(p, a, ctx, ct));
    }

    private static void Mentions(SlackListenerRegistry app, Func<SlackMentionListeners> mentions) =>
        app.Event(Protocol.SlackEventTypes.AppMention, (e, ctx, ct) => mentions().OnAppMentionAsync(e, ctx, ct));

    private static void Capture(SlackListenerRegistry app, Func<SlackCaptureListeners> capture)
    {
        app.Shortcut(SlackBotIds.CaptureShortcut, (p, ctx, ct) => capture().OnShortcutAsync(p, ctx, ct));
        app.ViewSubmission(SlackBotIds.CaptureForm, (p, ctx, ct) => capture().OnSubmittedAsync(p, ctx, ct));
        app.Options(SlackBotIds.CaptureAccount, (p, ctx, ct) => capture().OnAccountOptionsAsync(p, ctx, ct));
    }

    /// <summary>A channel shared or unshared: its kept answer is asked again at its next post.</summary>
    private static void SharedChannelChanges(SlackListenerRegistry app, SlackSharedChannels sharedChannels)
    {
        app.Event(Protocol.SlackEventTypes.ChannelShared, (e, _, _) => Forget(e));
        app.Event(Protocol.SlackEventTypes.ChannelUnshared, (e, _, _) => Forget(e));

        Task Forget(Protocol.EventCallbackEnvelope envelope)
        {
            if (envelope.Event is Protocol.ChannelSharingEvent changed)
                sharedChannels.Forget(changed.Channel);
            return Task.CompletedTask;
        }
    }
}
