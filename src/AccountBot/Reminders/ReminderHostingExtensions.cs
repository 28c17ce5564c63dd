using AccountBot.Core.Abstractions;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Hosting;

namespace AccountBot.Reminders;

/// <summary>Registers reminder delivery: its options (validated at start-up), the runner and the scheduler.</summary>
internal static class ReminderHostingExtensions
{
    public static IServiceCollection AddReminderDelivery(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReminderDeliveryOptions>(ReminderDeliveryOptions.Section);
        services.AddSingleton<NudgeDelivery>();
        services.AddSingleton<IMapSavedObserver, NudgeEvents>();
        services.AddSingleton<ReminderRunner>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
