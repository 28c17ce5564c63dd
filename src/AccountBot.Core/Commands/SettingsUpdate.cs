namespace AccountBot.Core.Commands;

/// <summary>The settings a <c>map settings …</c> command changes; null means "leave as is".</summary>
public sealed record SettingsUpdate
{
    public DayOfWeek? Day { get; init; }
    public TimeOnly? Time { get; init; }
    public string? TimeZone { get; init; }
    public int? StaleAfterDays { get; init; }
    public int? StaleContactDays { get; init; }
    public bool? RemindersEnabled { get; init; }
}
