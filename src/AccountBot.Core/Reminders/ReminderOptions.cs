using System.ComponentModel.DataAnnotations;

namespace AccountBot.Core.Reminders;

/// <summary>
/// Workspace-wide reminder defaults, bound to the <c>Reminders</c> section; a channel's
/// <c>map settings</c> override them one by one.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    public TimeOnly Time { get; set; } = new(9, 0);

    /// <summary>IANA time zone of the digest when a channel has not set one.</summary>
    [Required]
    public string TimeZone { get; set; } = "Etc/UTC";

    [Range(1, 365)]
    public int StaleAfterDays { get; set; } = 30;

    [Range(1, 365)]
    public int StaleContactDays { get; set; } = 45;
}
