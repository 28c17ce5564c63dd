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
        services.TryAddTransient<SlackBotListeners>();
        services.TryAddSingleton<CaptureModalRenderer>();
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

    private static void Register(SlackListenerRegistry app, IServiceProvider services)
    {
        SlackBotListeners Listeners() => services.GetRequiredService<SlackBotListeners>();
        app.Command(SlackBotIds.SlashCommand, (c, ctx, ct) => Listeners().OnCommandAsync(c, ctx, ct));
        app.ActionPrefix(SlackBotIds.MapActionPrefix, (p, a, ctx, ct) => Listeners().OnActionAsync(p, a, ctx, ct));
        app.ActionPrefix(SlackBotIds.CommandActionPrefix, (p, a, ctx, ct) => Listeners().OnActionAsync(p, a, ctx, ct));
        app.Action(SlackBotIds.StakeholderMoreDetails, (p, a, ctx, ct) => Listeners().OnMoreDetailsAsync(p, a, ctx, ct));
        app.ViewSubmission(SlackBotIds.StakeholderForm, (p, ctx, ct) => Listeners().OnStakeholderSubmittedAsync(p, ctx, ct));
        app.ViewSubmission(SlackBotIds.ImportForm, (p, ctx, ct) => Listeners().OnImportFormSubmittedAsync(p, ctx, ct));
        app.ViewSubmission(SlackBotIds.ImportPreview, (p, ctx, ct) => Listeners().OnImportPreviewSubmittedAsync(p, ctx, ct));
        app.Options(Core.Accounts.StakeholderFields.ReportsTo, (p, ctx, ct) => Listeners().OnPeopleOptionsAsync(p, ctx, ct));
        app.Options(Core.Accounts.StakeholderFields.RelatedTo, (p, ctx, ct) => Listeners().OnPeopleOptionsAsync(p, ctx, ct));
        app.Options(SlackBotIds.MapEditSearch, (p, ctx, ct) => Listeners().OnEditSearchOptionsAsync(p, ctx, ct));
        SlackCaptureListeners Capture() => services.GetRequiredService<SlackCaptureListeners>();
        app.Shortcut(SlackBotIds.CaptureShortcut, (p, ctx, ct) => Capture().OnShortcutAsync(p, ctx, ct));
        app.ViewSubmission(SlackBotIds.CaptureForm, (p, ctx, ct) => Capture().OnSubmittedAsync(p, ctx, ct));
        app.Options(SlackBotIds.CaptureAccount, (p, ctx, ct) => Capture().OnAccountOptionsAsync(p, ctx, ct));
        app.Event(Protocol.SlackEventTypes.AppMention, (e, ctx, ct) => Listeners().OnAppMentionAsync(e, ctx, ct));
        app.Event(Protocol.SlackEventTypes.AppHomeOpened, (e, ctx, ct) => Listeners().OnAppHomeOpenedAsync(e, ctx, ct));
        app.ActionPrefix(SlackBotIds.HomeActionPrefix, (p, a, ctx, ct) => Listeners().OnHomeActionAsync(p, a, ctx, ct));
        app.Event(Protocol.SlackEventTypes.ChannelShared, (e, _, _) => ForgetSharing(e));
        app.Event(Protocol.SlackEventTypes.ChannelUnshared, (e, _, _) => ForgetSharing(e));
        app.Error(services.GetRequiredService<SlackBotErrors>);

        Task ForgetSharing(Protocol.EventCallbackEnvelope envelope)
        {
            if (envelope.Event is Protocol.ChannelSharingEvent changed)
                services.GetRequiredService<SlackSharedChannels>().Forget(changed.Channel);
            return Task.CompletedTask;
        }
    }
}
