namespace AccountBot.Core.Reminders;

/// <summary>What one run did with one digest: the state it left the entry in, and why.</summary>
/// <param name="Channel">The channel's name where known, for people reading the report.</param>
/// <param name="Detail">The platform's message id when sent; the reason when it failed, will retry, or is unknown.</param>
public sealed record DigestOutcome(DigestKey Key, string? Channel, OutboxState State, int Attempts, string? Detail, DateTimeOffset? NextAttemptAt);
