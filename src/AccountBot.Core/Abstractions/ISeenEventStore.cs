namespace AccountBot.Core.Abstractions;

/// <summary>
/// Event ids already handled, kept for <see cref="Retention"/> so a platform's retries of one event (Slack retries up
/// to 3 times, over about an hour) are handled once. In the database, so a retry that reaches another instance, or the
/// same one after a restart, is still recognised.
/// </summary>
public interface ISeenEventStore
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    /// <summary>
    /// Records <paramref name="eventId"/>: true the first time it is seen within <see cref="Retention"/>, false for a
    /// repeat. Of two callers racing with one id, exactly one gets true.
    /// </summary>
    Task<bool> TryRecordAsync(string eventId, CancellationToken cancellationToken);
}
