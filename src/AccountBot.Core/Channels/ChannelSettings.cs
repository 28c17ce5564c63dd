using AccountBot.Core.Accounts;

namespace AccountBot.Core.Channels;

/// <summary>
/// A channel's own settings. Null values fall back to the configured defaults (the
/// <c>Reminders</c> and <c>Coverage</c> sections), so changing a default changes every channel
/// that never overrode it.
/// </summary>
public sealed record ChannelSettings
{
    public required WorkspaceKey Workspace { get; init; }
    public required string ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public bool RemindersEnabled { get; init; } = true;
    public DayOfWeek? ReminderDay { get; init; }
    public TimeOnly? ReminderTime { get; init; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Paris</c>.</summary>
    public string? TimeZone { get; init; }

    public int? StaleAfterDays { get; init; }
    public int? StaleContactDays { get; init; }

    /// <summary>Accounts whose reminders are snoozed in this channel, until when.</summary>
    public IReadOnlyList<Snooze> Snoozes { get; init; } = [];

    /// <summary>The last permanent delivery failure (bot removed, channel gone), shown in <c>map settings</c>.</summary>
    public DeliveryFailure? LastFailure { get; init; }

    public Stamp? Updated { get; init; }

    /// <summary>
    /// Optimistic concurrency: 0 until first stored; the store bumps it on every write and refuses a save made from an
    /// older version, so two people changing the same channel at once never lose a change (see <c>ChannelSettingsEditor</c>).
    /// </summary>
    public int Version { get; init; }
}
