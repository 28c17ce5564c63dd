namespace AccountBot.Retention;

/// <summary>What one pruning pass removed: records last changed before <see cref="Before"/>.</summary>
public sealed record RetentionPass(DateTimeOffset Before, int OutboxEntries, int IdempotencyKeys);
