using AccountBot.Adapters.FollowUps;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>A stored <see cref="StoredFollowUp"/> in <c>follow_ups</c>, keyed by its id.</summary>
public sealed class FollowUpDocument
{
    public const string Collection = "follow_ups";

    public Guid Id { get; set; }
    public List<FollowUpStepDocument> Steps { get; set; } = [];
    public int Next { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Owner { get; set; } = string.Empty;
    public DateTime LeaseUntil { get; set; }

    public static FollowUpDocument From(StoredFollowUp item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new FollowUpDocument
        {
            Id = item.Id,
            Steps = [.. item.Steps.Select(s => new FollowUpStepDocument { Kind = s.Kind, Payload = s.Payload })],
            Next = item.Next,
            CreatedAt = StoredDates.ToStored(item.CreatedAt),
            Owner = item.Owner,
            LeaseUntil = StoredDates.ToStored(item.LeaseUntil),
        };
    }

    public StoredFollowUp ToDomain() => new()
    {
        Id = Id,
        Steps = [.. Steps.Select(s => new FollowUpStep(s.Kind, s.Payload))],
        Next = Next,
        CreatedAt = StoredDates.FromStored(CreatedAt),
        Owner = Owner,
        LeaseUntil = StoredDates.FromStored(LeaseUntil),
    };
}
