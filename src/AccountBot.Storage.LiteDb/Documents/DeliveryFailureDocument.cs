using AccountBot.Core.Channels;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="DeliveryFailure"/>.</summary>
public sealed class DeliveryFailureDocument
{
    public DateTime At { get; set; }
    public string Reason { get; set; } = string.Empty;

    public static DeliveryFailureDocument From(DeliveryFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new() { At = StoredDates.ToStored(failure.At), Reason = failure.Reason };
    }

    public DeliveryFailure ToDomain() => new(StoredDates.FromStored(At), Reason);
}
