using System.Globalization;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>
/// How dates are written to the file. LiteDB keeps a BSON date as milliseconds since the epoch
/// (UTC), so an instant is truncated to the millisecond and read back with offset zero: the store
/// applies that truncation itself before returning a saved map, so what a save returns is exactly
/// what a later load returns. Calendar dates and times of day are ISO strings (exact, readable).
/// </summary>
internal static class StoredDates
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.fffffff";

    public static DateTime ToStored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    public static DateTimeOffset FromStored(DateTime value)
    {
        // LiteDB hands dates back in local time unless UtcDate is on; accept either.
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    public static string? ToStored(DateOnly? value) =>
        value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? DateFromStored(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    public static string? ToStored(TimeOnly? value) =>
        value?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static TimeOnly? TimeFromStored(string? value) =>
        value is null ? null : TimeOnly.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture);
}
