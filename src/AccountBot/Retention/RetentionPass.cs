namespace AccountBot.Retention;

/// <summary>What one pruning pass removed: records last changed before <see cref="Before"/>.</summary>
public sealed record RetentionPass(DateTimeOffset Before, int OutboxEntries, int IdempotencyKeys)
{
    /// <summary>History entries removed for <c>Privacy:HistoryRetentionDays</c> (0 when history is kept).</summary>
    public int HistoryEntries { get; init; }
}
