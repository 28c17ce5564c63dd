using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Channels;

/// <summary>
/// <c>map Acme snooze</c> (the digest's "Snooze a week" button): quiets one account's reminders in
/// this channel for a week. A digest leaves out accounts snoozed past its scheduled time, so
/// snoozing after this week's digest skips next week's.
/// </summary>
public sealed class SnoozeHandler(IAccountMapStore store, ChannelSettingsEditor editor, TimeProvider time) : MapCommandHandler(store), ICommandHandler<SnoozeReminders>
{
    public static readonly TimeSpan Duration = TimeSpan.FromDays(7);

    public async Task<Reply> HandleAsync(SnoozeReminders command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var now = time.GetUtcNow();
        var until = now + Duration;
        var saved = await editor.UpdateAsync(
            context,
            current => current with
            {
                // Expired snoozes are dropped so the list does not grow week after week.
                Snoozes = [.. current.Snoozes.Where(s => s.MapId != map.Id && s.Until > now), new Snooze(map.Id, until)],
            },
            cancellationToken);
        if (saved is null)
        {
            return new NoticeView(Tone.Error, Sentences.ChannelsSettingsBusy);
        }

        var day = until.ToString("ddd d MMM", CultureInfo.InvariantCulture);
        return new NoticeView(Tone.Success, string.Format(CultureInfo.CurrentCulture, Sentences.ChannelsSnoozed, context.User.Name, map.Name, day))
        {
            Visibility = ReplyVisibility.Channel,
        };
    }
}
