namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// One piece of follow-up work as data, so it can be kept in the database and sent after a restart: which sender
/// (<see cref="Kind"/>, the key an adapter registers its <see cref="IFollowUpSender"/> under) and what it sends where
/// (<see cref="Payload"/>, JSON that only that sender reads). Never a closure: a restarted process has none.
/// </summary>
public sealed record FollowUpStep(string Kind, string Payload);
