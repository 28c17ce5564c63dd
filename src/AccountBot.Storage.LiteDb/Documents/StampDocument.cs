using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="Stamp"/>; the instant is kept as a UTC date.</summary>
public sealed class StampDocument
{
    public DateTime At { get; set; }
    public UserRefDocument By { get; set; } = new();

    public static StampDocument From(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return new() { At = StoredDates.ToStored(stamp.At), By = UserRefDocument.From(stamp.By) };
    }

    public Stamp ToDomain() => new(StoredDates.FromStored(At), By.ToDomain());
}
