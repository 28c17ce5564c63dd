using System.Globalization;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Identifies one channel's digest for one week, so an outbox can send it exactly once: the same
/// channel and week always give the same key, across restarts, retries and changed settings.
/// </summary>
/// <param name="Week">The ISO week of the occurrence's local date in the channel's time zone, e.g. <c>2026-W10</c>.</param>
public readonly record struct DigestKey(WorkspaceKey Workspace, string ChannelId, string Week)
{
    /// <summary>
    /// The stable string form, <c>workspace|channel|week</c>. Workspace keys and weeks never contain
    /// <c>|</c>, so a channel id that does still parses back.
    /// </summary>
    public string Value => $"{Workspace.Value}|{ChannelId}|{Week}";

    /// <summary>The ISO week of a local date, e.g. <c>2026-W10</c> (a year's last days can belong to week 1 of the next).</summary>
    public static string WeekOf(DateOnly localDate)
    {
        var date = localDate.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>Rebuilds a key from its <see cref="Value"/> (as an outbox stores it).</summary>
    public static DigestKey Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var first = value.IndexOf('|', StringComparison.Ordinal);
        var last = value.LastIndexOf('|');
        if (first <= 0 || last <= first + 1 || last == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a digest key (expected 'workspace|channel|week').");
        }

        return new DigestKey(WorkspaceKey.Parse(value[..first]), value[(first + 1)..last], value[(last + 1)..]);
    }

    public override string ToString() => Value;
}
