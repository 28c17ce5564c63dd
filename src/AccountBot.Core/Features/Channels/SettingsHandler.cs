using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Reminders;
using AccountBot.Core.Settings;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Channels;

/// <summary><c>map settings [...]</c>: shows or changes this channel's reminder settings.</summary>
public sealed class SettingsHandler(ChannelSettingsEditor editor, IAccountMapStore maps, ReminderOptions defaults, TimeProvider time)
    : ICommandHandler<ChannelSettingsCommand>
{
    public async Task<Reply> HandleAsync(ChannelSettingsCommand command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        ChannelSettings settings;
        string? notice = null;
        if (command.Update is { } update)
        {
            if (update.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return new NoticeView(Tone.Error, $"\"{zone}\" is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.", "map settings tz Europe/Paris");
            }

            // Only what this command names changes: re-applied to fresh settings if someone else saved in between.
            var saved = await editor.UpdateAsync(
                context,
                current => current with
                {
                    ReminderDay = update.Day ?? current.ReminderDay,
                    ReminderTime = update.Time ?? current.ReminderTime,
                    TimeZone = update.TimeZone ?? current.TimeZone,
                    StaleAfterDays = update.StaleAfterDays ?? current.StaleAfterDays,
                    StaleContactDays = update.StaleContactDays ?? current.StaleContactDays,
                    RemindersEnabled = update.RemindersEnabled ?? current.RemindersEnabled,
                    ChannelName = context.Channel.Name ?? current.ChannelName,
                    Updated = new Accounts.Stamp(time.GetUtcNow(), context.User),
                },
                cancellationToken);
            if (saved is null)
            {
                return new NoticeView(Tone.Error, "This channel's settings are being changed by others right now. Try again in a moment.", CommandText.Settings);
            }

            settings = saved;
            notice = $"{context.User.Name} updated this channel's reminder settings.";
        }
        else
        {
            settings = await editor.LoadAsync(context, cancellationToken);
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
