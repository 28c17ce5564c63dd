using AccountBot.Core.Reminders;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="DigestItem"/> (inside a queued digest).</summary>
public sealed class DigestItemDocument
{
    public Guid MapId { get; set; }
    public string Name { get; set; } = string.Empty;
    public UserRefDocument Owner { get; set; } = new();
    public List<CoverageGapDocument> Gaps { get; set; } = [];
    public string Summary { get; set; } = string.Empty;
    public int Severity { get; set; }
    public string CommandName { get; set; } = string.Empty;

    public static DigestItemDocument From(DigestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            MapId = item.MapId,
            Name = item.Name,
            Owner = UserRefDocument.From(item.Owner),
            Gaps = [.. item.Gaps.Select(CoverageGapDocument.From)],
            Summary = item.Summary,
            Severity = item.Severity,
            CommandName = item.CommandName,
        };
    }

    public DigestItem ToDomain() => new()
    {
        MapId = MapId,
        Name = Name,
        Owner = Owner.ToDomain(),
        Gaps = [.. Gaps.Select(g => g.ToDomain())],
        Summary = Summary,
        Severity = Severity,
        CommandName = CommandName,
    };
}
