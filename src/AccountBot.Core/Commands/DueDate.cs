using System.Globalization;

namespace AccountBot.Core.Commands;

/// <summary>
/// A due date as people type it after <c>by</c>: <c>2026-12-18</c>, <c>today</c>, <c>tomorrow</c>, a weekday
/// (<c>friday</c>, <c>fri</c>: the next one, today included), <c>next week</c>, <c>in 3 days</c> / <c>in 2 weeks</c>,
/// or a day of a month (<c>Dec 18</c>, <c>18 December</c>: the next one, today included). Relative words are
/// resolved against the day the command runs (<see cref="Resolve"/>), so the parser needs no clock.
/// </summary>
public sealed class DueDate
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy/MM/dd"];
    private readonly Func<DateOnly, DateOnly> resolve;

    private DueDate(string text, Func<DateOnly, DateOnly> resolve)
    {
        Text = text;
        this.resolve = resolve;
    }

    /// <summary>The words as typed.</summary>
    public string Text { get; }

    public DateOnly Resolve(DateOnly today) => resolve(today);

    public static DueDate? TryParse(string? text)
    {
        var words = (text ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var typed = string.Join(' ', words);
        Func<DateOnly, DateOnly>? resolve = words switch
        {
            ["today"] => today => today,
            ["tomorrow"] => today => today.AddDays(1),
            ["next", "week"] => today => today.AddDays(7),
            ["in", var n, var unit] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 366
                && unit is "day" or "days" or "week" or "weeks" => today => today.AddDays(unit.StartsWith('w') ? count * 7 : count),
            [var one] when DateOnly.TryParseExact(one, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => _ => date,
            [var one] when Weekday(one) is { } day => today => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7),
            [var a, var b] when (MonthDay(a, b) ?? MonthDay(b, a)) is { } md => today => Next(today, md.Month, md.Day),
            _ => null,
        };
        return resolve is null ? null : new DueDate(typed, resolve);
    }

    private static DayOfWeek? Weekday(string word) =>
        Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
            word.Length >= 3 && d!.Value.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase));

    private static (int Month, int Day)? MonthDay(string monthWord, string dayWord)
    {
        var day = dayWord.TrimEnd('.', ',');
        day = day.EndsWith("st", StringComparison.Ordinal) || day.EndsWith("nd", StringComparison.Ordinal)
            || day.EndsWith("rd", StringComparison.Ordinal) || day.EndsWith("th", StringComparison.Ordinal) ? day[..^2] : day;
        if (monthWord.Length < 3 || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31)
            return null;
        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var m = 0; m < 12; m++)
        {
            if (names[m].StartsWith(monthWord.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && d <= DateTime.DaysInMonth(2024, m + 1))
                return (m + 1, d);
        }

        return null;
    }

    private static DateOnly Next(DateOnly today, int month, int day)
    {
        // 29 February moves to the next year that has one.
        for (var year = today.Year; ; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) >= today)
                return new DateOnly(year, month, day);
        }
    }
}
