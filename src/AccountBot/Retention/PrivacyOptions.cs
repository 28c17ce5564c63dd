using System.ComponentModel.DataAnnotations;

namespace AccountBot.Retention;

/// <summary>How long personal data is kept, bound to the <c>Privacy</c> section.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Days a map's history entries are kept; null (the default) keeps them for the life of the map. When set, the
    /// daily retention pass removes older entries of every map (an erase's own entry included, once that old).
    /// </summary>
    [Range(1, 36500)]
    public int? HistoryRetentionDays { get; set; }

    /// <summary>
    /// Days a workspace's data is kept after the app is removed from it (Slack uninstall or bot token revoked, Teams
    /// removed from the tenant's last conversation), so a reinstall within them finds everything; 0 deletes at once.
    /// </summary>
    [Range(0, 3650)]
    public int UninstallGraceDays { get; set; } = 30;

    public TimeSpan UninstallGrace => TimeSpan.FromDays(UninstallGraceDays);

    public TimeSpan? HistoryRetention => HistoryRetentionDays is { } days ? TimeSpan.FromDays(days) : null;
}
