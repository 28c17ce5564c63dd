using System.ComponentModel.DataAnnotations;

namespace AccountBot.Retention;

/// <summary>How long housekeeping records are kept, bound to the <c>Storage</c> section (next to <c>Storage:LiteDb</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const int DefaultRetentionDays = 90;

    /// <summary>
    /// Days a finished reminder-outbox entry and a form submission's idempotency key are kept. Each channel's latest
    /// digest week is kept whatever its age, so no week is ever sent twice; a form submitted again after this long is
    /// applied again. At least a week, so retries and repeated clicks are always covered.
    /// </summary>
    [Range(7, 3650)]
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
