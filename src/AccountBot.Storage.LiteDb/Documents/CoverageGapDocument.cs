using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="CoverageGap"/> (inside a queued digest).</summary>
public sealed class CoverageGapDocument
{
    public CoverageGapKind Kind { get; set; }
    public string Message { get; set; } = string.Empty;
    public Guid? StakeholderId { get; set; }

    public static CoverageGapDocument From(CoverageGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new() { Kind = gap.Kind, Message = gap.Message, StakeholderId = gap.StakeholderId };
    }

    public CoverageGap ToDomain() => new(Kind, Message, StakeholderId);
}
