using AccountBot.Core.Abstractions;
using AccountBot.Core.Caching;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Admin;
using AccountBot.Core.Features.Channels;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Help;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Pictures;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Features.Home;
using AccountBot.Core.Features.QuickAdd;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Features.Nudges;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountBot.Core;

/// <summary>Registers the use cases. The host supplies the stores, <c>TimeProvider</c> and the options objects.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddAccountBotCore(this IServiceCollection services)
    {
        services.AddSingleton<MapEditor>();
        services.AddSingleton<ChannelSettingsEditor>();
        services.AddSingleton<MapViewFactory>();
        services.TryAddSingleton<RenderedOutputCache>();
        services.AddSingleton<HelpHandler>();
        services.AddSingleton<ShowMapHandler>();
        services.AddSingleton<CreateMapHandler>();
        services.AddSingleton<StakeholderFormHandler>();
        services.AddSingleton<AccountBot.Core.Features.Capture.CaptureHandler>();
        services.AddSingleton<TagHandler>();
        services.AddSingleton<RemoveHandler>();
        services.AddSingleton<MarkReviewedHandler>();
        services.AddSingleton<ShowHistoryHandler>();
        services.AddSingleton<LinkHandler>();
        services.AddSingleton<ListMapsHandler>();
        services.AddSingleton<SettingsHandler>();
        services.AddSingleton<SnoozeHandler>();
        services.AddSingleton<PictureHandler>();
        services.AddSingleton<ResetLinksHandler>();
        services.AddSingleton<CsvHandler>();
        services.AddSingleton<FollowHandler>();
        services.TryAddSingleton<IPendingImportStore, PendingImports>();
        services.AddSingleton<EraseHandler>();
        services.AddSingleton<HistoryExportHandler>();
        services.TryAddSingleton(new AdminsOptions());
        services.AddSingleton<AdminGate>();
        services.AddSingleton<AdminMapLookup>();
        services.AddSingleton<VisibilityHandler>();
        services.AddSingleton<ChangeOwnerHandler>();
        services.AddSingleton<DeleteMapHandler>();
        services.AddSingleton<ReassignHandler>();
        services.AddSingleton<QuickAddHandler>();
        services.AddSingleton<UndoQuickAddHandler>();
        services.AddSingleton<HomeHandler>();
        services.AddSingleton<MarkStepDoneHandler>();
        services.AddSingleton<SeveralLinesHandler>();
        services.AddSingleton<NotifyHandler>();
        services.AddSingleton<PostponeHandler>();
        services.TryAddSingleton<IPictureLinks, NoPictureLinks>();
        services.TryAddSingleton<BotMetrics>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<NudgePlanner>();
        return services;
    }
}
