using AccountBot.Core.Channels;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="Snooze"/>.</summary>
public sealed class SnoozeDocument
{
    public Guid MapId { get; set; }
    public DateTime Until { get; set; }

    public static SnoozeDocument From(Snooze snooze)
    {
        ArgumentNullException.ThrowIfNull(snooze);
        return new() { MapId = snooze.MapId, Until = StoredDates.ToStored(snooze.Until) };
    }

    public Snooze ToDomain() => new(MapId, StoredDates.FromStored(Until));
}
