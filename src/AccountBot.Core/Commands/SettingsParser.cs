using System.Globalization;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>Parses the arguments of <c>map settings</c>: <c>day mon time 9:30 tz Europe/Paris stale 30 contact 45 reminders off</c>.</summary>
internal static class SettingsParser
{
    private const string Example = "map settings day monday time 09:00 tz Europe/Paris stale 30";

    public static BotCommand Parse(List<Token> args)
    {
        if (args.Count == 0)
        {
            return new ChannelSettingsCommand(null);
        }

        var update = new SettingsUpdate();
        for (var i = 0; i < args.Count; i += 2)
        {
            var key = args[i].Text.ToLowerInvariant();
            if (i + 1 >= args.Count)
            {
                return new InvalidCommand(Say.Format(Sentences.SettingsNeedsValue, args[i].Text), Example);
            }

            var value = args[i + 1].Text;
            switch (key)
            {
                case "day":
                    if (!TryParseDay(value, out var day))
                    {
                        return new InvalidCommand(Say.Format(Sentences.SettingsNotADay, value), CommandText.Settings + " day monday");
                    }

                    update = update with { Day = day };
                    break;
                case "time":
                    if (!TryParseTime(value, out var time))
                    {
                        return new InvalidCommand(Say.Format(Sentences.SettingsNotATime, value), CommandText.Settings + " time 09:00");
                    }

                    update = update with { Time = time };
                    break;
                case "tz" or "timezone" or "zone":
                    update = update with { TimeZone = value };
                    break;
                case "stale":
                    if (!TryParseDays(value, out var stale))
                    {
                        return new InvalidCommand(Say.Format(Sentences.SettingsNotDays, value), CommandText.Settings + " stale 30");
                    }

                    update = update with { StaleAfterDays = stale };
                    break;
                case "contact":
                    if (!TryParseDays(value, out var contact))
                    {
                        return new InvalidCommand(Say.Format(Sentences.SettingsNotDays, value), CommandText.Settings + " contact 45");
                    }

                    update = update with { StaleContactDays = contact };
                    break;
                case "reminders":
                    if (!TryParseSwitch(value, out var on))
                    {
                        return new InvalidCommand(Sentences.SettingsRemindersOnOff, CommandText.Settings + " reminders off");
                    }

                    update = update with { RemindersEnabled = on };
                    break;
                default:
                    return new InvalidCommand(Say.Format(Sentences.SettingsUnknown, args[i].Text), Example);
            }
        }

        return new ChannelSettingsCommand(update);
    }

    private static bool TryParseDay(string value, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (value.Length >= 3 && name.StartsWith(value, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["H:mm", "HH:mm", "%H", "h:mmtt", "htt", "h:mm tt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryParseDays(string value, out int days) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 365;

    private static bool TryParseSwitch(string value, out bool on)
    {
        on = value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase);
        return on || value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase);
    }
}
