using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="ChannelSettings"/>.</summary>
public sealed class ChannelSettingsDocument
{
    /// <summary><c>{workspace}|{channel id}</c>: the primary key makes settings unique per channel per workspace.</summary>
    public string Id { get; set; } = string.Empty;

    public string Workspace { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string? ChannelName { get; set; }
    public bool RemindersEnabled { get; set; }
    public DayOfWeek? ReminderDay { get; set; }

    /// <summary>ISO time of day, <c>HH:mm:ss.fffffff</c>.</summary>
    public string? ReminderTime { get; set; }

    public string? TimeZone { get; set; }
    public int? StaleAfterDays { get; set; }
    public int? StaleContactDays { get; set; }
    public List<SnoozeDocument> Snoozes { get; set; } = [];
    public DeliveryFailureDocument? LastFailure { get; set; }
    public StampDocument? Updated { get; set; }

    /// <summary>Bumped on every write; documents from before versions existed read as 0.</summary>
    public int Version { get; set; }

    public static ChannelSettingsDocument From(ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            Id = StoreKeys.ChannelSettings(settings.Workspace, settings.ChannelId),
            Workspace = settings.Workspace.Value,
            ChannelId = settings.ChannelId,
            ChannelName = settings.ChannelName,
            RemindersEnabled = settings.RemindersEnabled,
            ReminderDay = settings.ReminderDay,
            ReminderTime = StoredDates.ToStored(settings.ReminderTime),
            TimeZone = settings.TimeZone,
            StaleAfterDays = settings.StaleAfterDays,
            StaleContactDays = settings.StaleContactDays,
            Snoozes = [.. settings.Snoozes.Select(SnoozeDocument.From)],
            LastFailure = settings.LastFailure is { } failure ? DeliveryFailureDocument.From(failure) : null,
            Updated = settings.Updated is { } updated ? StampDocument.From(updated) : null,
            Version = settings.Version,
        };
    }

    public ChannelSettings ToDomain() => new()
    {
        Workspace = WorkspaceKey.Parse(Workspace),
        ChannelId = ChannelId,
        ChannelName = ChannelName,
        RemindersEnabled = RemindersEnabled,
        ReminderDay = ReminderDay,
        ReminderTime = StoredDates.TimeFromStored(ReminderTime),
        TimeZone = TimeZone,
        StaleAfterDays = StaleAfterDays,
        StaleContactDays = StaleContactDays,
        Snoozes = [.. Snoozes.Select(s => s.ToDomain())],
        LastFailure = LastFailure?.ToDomain(),
        Updated = Updated?.ToDomain(),
        Version = Version,
    };
}
