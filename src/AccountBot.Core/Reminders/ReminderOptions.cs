using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cronos;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Workspace-wide reminder defaults, bound to the <c>Reminders</c> section; a channel's
/// <c>map settings</c> override them one by one.
/// </summary>
/// <remarks>
/// Which schedule wins, most specific first:
/// <list type="number">
/// <item>A channel that set its own day and/or time gets a weekly digest at (its day, else <see cref="Day"/>)
/// and (its time, else <see cref="Time"/>).</item>
/// <item>Any other channel follows <see cref="Schedule"/>.</item>
/// </list>
/// <see cref="Schedule"/> and <see cref="Day"/>/<see cref="Time"/> describe the same default, so setting one
/// is enough: an unset <see cref="Schedule"/> is built from <see cref="Day"/>/<see cref="Time"/>, and an unset
/// <see cref="Day"/>/<see cref="Time"/> is read from a weekly <see cref="Schedule"/> (one minute, hour and
/// weekday). Setting both so that they disagree fails validation at start-up rather than silently picking one.
/// Whatever the schedule, a channel gets at most one digest per ISO week (see <see cref="DigestKey"/>).
/// </remarks>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";
    public const string DefaultSchedule = "0 9 * * MON";

    /// <summary>
    /// The most items a digest may show. Slack allows 50 blocks per message and a digest item takes two
    /// (text + buttons), so 20 items plus a header and the "and N more" line stay inside it.
    /// </summary>
    public const int MaxItemsLimit = 20;

    private static readonly DayOfWeek DefaultDay = DayOfWeek.Monday;
    private static readonly TimeOnly DefaultTime = new(9, 0);

    private string? schedule;
    private DayOfWeek? day;
    private TimeOnly? time;

    /// <summary>
    /// The default digest schedule as a 5-field cron expression (minute hour day-of-month month day-of-week),
    /// read in each channel's time zone; default <c>0 9 * * MON</c>.
    /// </summary>
    [Required]
    public string Schedule
    {
        get => schedule ?? (day is null && time is null ? DefaultSchedule : WeeklyCron(Day, Time));
        set => schedule = value;
    }

    /// <summary>The day a channel gets when it set only its time; taken from <see cref="Schedule"/> when unset.</summary>
    public DayOfWeek Day
    {
        get => day ?? ReadWeekly(schedule)?.Day ?? DefaultDay;
        set => day = value;
    }

    /// <summary>The time a channel gets when it set only its day; taken from <see cref="Schedule"/> when unset.</summary>
    public TimeOnly Time
    {
        get => time ?? ReadWeekly(schedule)?.Time ?? DefaultTime;
        set => time = value;
    }

    /// <summary>IANA time zone of the digest when a channel has not set one.</summary>
    [Required]
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>A digest lists a map not reviewed or changed for this many days as stale (unless the channel set its own).</summary>
    [Range(1, 365)]
    public int StaleAfterDays { get; set; } = 30;

    /// <summary>A digest lists a person not contacted for this many days (unless the channel set its own).</summary>
    [Range(1, 365)]
    public int StaleContactDays { get; set; } = 45;

    /// <summary>Items shown per digest; the rest are counted and listed by <c>map list</c>.</summary>
    [Range(1, MaxItemsLimit)]
    public int MaxItems { get; set; } = MaxItemsLimit;

    /// <summary>The weekly cron expression for a day and time (seconds are dropped: cron counts minutes).</summary>
    public static string WeeklyCron(DayOfWeek day, TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour} * * {(int)day}");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronExpression.TryParse(Schedule, CronFormat.Standard, out _))
        {
            yield return new ValidationResult(
                $"'{Schedule}' is not a 5-field cron expression (minute hour day-of-month month day-of-week), e.g. '{DefaultSchedule}'.",
                [nameof(Schedule)]);
            yield break;
        }

        if (schedule is not null && (day is not null || time is not null))
        {
            var weekly = ReadWeekly(schedule);
            if (weekly is null || (day is not null && day != weekly.Value.Day) || (time is not null && time != weekly.Value.Time))
            {
                yield return new ValidationResult(
                    $"Schedule '{schedule}' disagrees with Day/Time ({Day} {Time:HH\\:mm}); set only Schedule, or only Day and Time.",
                    [nameof(Schedule), nameof(Day), nameof(Time)]);
            }
        }

        if (time is { } t && (t.Second != 0 || t.Millisecond != 0))
        {
            yield return new ValidationResult($"Time {t:HH\\:mm\\:ss} must be whole minutes (cron counts minutes).", [nameof(Time)]);
        }
    }

    /// <summary>The day and time of a plain weekly expression such as <c>30 8 * * FRI</c>; null for anything else.</summary>
    internal static (DayOfWeek Day, TimeOnly Time)? ReadWeekly(string? expression)
    {
        var fields = expression?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: 5 }
            || fields[2] is not ("*" or "?")
            || fields[3] is not ("*" or "?")
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23
            || ReadDay(fields[4]) is not { } weekday)
        {
            return null;
        }

        return (weekday, new TimeOnly(hour, minute));
    }

    private static DayOfWeek? ReadDay(string field)
    {
        if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // Cron allows 7 for Sunday as well as 0.
            return number is >= 0 and <= 7 ? (DayOfWeek)(number % 7) : null;
        }

        return field.ToUpperInvariant() switch
        {
            "SUN" => DayOfWeek.Sunday,
            "MON" => DayOfWeek.Monday,
            "TUE" => DayOfWeek.Tuesday,
            "WED" => DayOfWeek.Wednesday,
            "THU" => DayOfWeek.Thursday,
            "FRI" => DayOfWeek.Friday,
            "SAT" => DayOfWeek.Saturday,
            _ => null,
        };
    }
}
