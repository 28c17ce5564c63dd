using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Reminders;
using AccountBot.Core.Settings;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Channels;

/// <summary><c>map settings [...]</c>: shows or changes this channel's reminder settings.</summary>
public sealed class SettingsHandler(IChannelSettingsStore settingsStore, IAccountMapStore maps, ReminderOptions defaults, TimeProvider time)
    : ICommandHandler<ChannelSettingsCommand>
{
    public async Task<Reply> HandleAsync(ChannelSettingsCommand command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var settings = await settingsStore.GetAsync(context.Workspace, context.Channel.Id, cancellationToken)
            ?? new ChannelSettings { Workspace = context.Workspace, ChannelId = context.Channel.Id, ChannelName = context.Channel.Name };
        string? notice = null;
        if (command.Update is { } update)
        {
            if (update.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return new NoticeView(Tone.Error, $"\"{zone}\" is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.", "map settings tz Europe/Paris");
            }

            settings = settings with
            {
                ReminderDay = update.Day ?? settings.ReminderDay,
                ReminderTime = update.Time ?? settings.ReminderTime,
                TimeZone = update.TimeZone ?? settings.TimeZone,
                StaleAfterDays = update.StaleAfterDays ?? settings.StaleAfterDays,
                StaleContactDays = update.StaleContactDays ?? settings.StaleContactDays,
                RemindersEnabled = update.RemindersEnabled ?? settings.RemindersEnabled,
                ChannelName = context.Channel.Name ?? settings.ChannelName,
                Updated = new Accounts.Stamp(time.GetUtcNow(), context.User),
            };
            await settingsStore.SaveAsync(settings, cancellationToken);
            notice = $"{context.User.Name} updated this channel's reminder settings.";
        }

        var linked = await maps.ListLinkedToChannelAsync(context.Workspace, context.Channel.Id, cancellationToken);
        return new SettingsView(
            settings.ChannelName ?? context.Channel.Name ?? "this channel",
            settings.RemindersEnabled,
            settings.ReminderDay ?? defaults.Day,
            settings.ReminderTime ?? defaults.Time,
            settings.TimeZone ?? defaults.TimeZone,
            settings.StaleAfterDays ?? defaults.StaleAfterDays,
            settings.StaleContactDays ?? defaults.StaleContactDays,
            [.. linked.Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase)],
            settings.LastFailure)
        {
            Notice = notice,
            Visibility = notice is null ? ReplyVisibility.OnlyMe : ReplyVisibility.Channel,
        };
    }
}
