using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using Cronos;

namespace AccountBot.Core.Reminders;

/// <summary>
/// One channel's effective digest schedule: a cron expression read in an IANA time zone. Pure: the
/// caller passes the instant. Daylight-saving changes neither skip nor repeat an occurrence: a time in
/// the spring-forward gap moves to the first instant after it, and a time that happens twice in autumn
/// counts once (the first).
/// </summary>
public sealed class ReminderSchedule
{
    private readonly CronExpression cron;

    private ReminderSchedule(CronExpression cron, string expression, TimeZoneInfo timeZone, string? unknownTimeZone)
    {
        this.cron = cron;
        Expression = expression;
        TimeZone = timeZone;
        UnknownTimeZone = unknownTimeZone;
    }

    /// <summary>The cron expression in force, e.g. <c>0 9 * * MON</c>.</summary>
    public string Expression { get; }

    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// The configured zone id that this machine does not know (a typo, or missing time zone data); the schedule
    /// then uses the workspace default zone, or UTC if that is unknown too. Null when the zone was found.
    /// Worth a warning in the log: the channel gets its digest at a time it did not ask for.
    /// </summary>
    public string? UnknownTimeZone { get; }

    public bool UsesFallbackTimeZone => UnknownTimeZone is not null;

    /// <summary>
    /// The channel's schedule: its own day/time/zone where it set them, else the defaults (see
    /// <see cref="ReminderOptions"/> for which wins).
    /// </summary>
    public static ReminderSchedule For(ChannelSettings? channel, ReminderOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var expression = channel is { ReminderDay: null, ReminderTime: null } or null
            ? defaults.Schedule
            : ReminderOptions.WeeklyCron(channel.ReminderDay ?? defaults.Day, channel.ReminderTime ?? defaults.Time);
        return Create(expression, channel?.TimeZone ?? defaults.TimeZone, defaults.TimeZone);
    }

    /// <summary>A schedule from a cron expression and a zone id, falling back to <paramref name="fallbackTimeZone"/> and then UTC.</summary>
    /// <exception cref="FormatException">The expression is not a 5-field cron expression (options validation rejects that at start-up).</exception>
    public static ReminderSchedule Create(string expression, string timeZone, string fallbackTimeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        if (!CronExpression.TryParse(expression, CronFormat.Standard, out var cron))
        {
            throw new FormatException($"'{expression}' is not a 5-field cron expression (minute hour day-of-month month day-of-week).");
        }

        if (FindZone(timeZone) is { } zone)
        {
            return new ReminderSchedule(cron, expression, zone, null);
        }

        return new ReminderSchedule(cron, expression, FindZone(fallbackTimeZone) ?? TimeZoneInfo.Utc, timeZone);
    }

    /// <summary>The most recent occurrence at or before <paramref name="now"/> (UTC), or null if there never was one.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset now)
    {
        // Cronos's GetPreviousOccurrence and GetNextOccurrence disagree inside a spring-forward gap: previous
        // answers the last second before the gap, next the first instant after it. Next is what a scheduler
        // waits for, so previous only finds a starting point one occurrence back, and next walks up to now.
        var anchor = cron.GetPreviousOccurrence(now, TimeZone, inclusive: true);
        if (anchor is null)
        {
            return null;
        }

        var from = cron.GetPreviousOccurrence(anchor.Value, TimeZone, inclusive: false) ?? anchor.Value;
        DateTimeOffset? latest = null;
        for (var next = cron.GetNextOccurrence(from, TimeZone, inclusive: true);
             next is { } occurrence && occurrence <= now;
             next = cron.GetNextOccurrence(occurrence, TimeZone, inclusive: false))
        {
            latest = occurrence;
        }

        return (latest ?? anchor.Value).ToUniversalTime();
    }

    /// <summary>The first occurrence strictly after <paramref name="now"/> (UTC), or null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) =>
        cron.GetNextOccurrence(now, TimeZone, inclusive: false)?.ToUniversalTime();

    /// <summary>The local calendar date of an occurrence in this schedule's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset occurrence) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, TimeZone).DateTime);

    /// <summary>The key of the digest for an occurrence: the ISO week of its local date.</summary>
    public DigestKey KeyFor(WorkspaceKey workspace, string channelId, DateTimeOffset occurrence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return new DigestKey(workspace, channelId, DigestKey.WeekOf(LocalDate(occurrence)));
    }

    private static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}
