using AccountBot.Core.Abstractions;

namespace AccountBot.Slack.Routing;

/// <summary>
/// Recognises Slack's retries of an event (up to 3, over about an hour) so each event is handled once. The ids are in
/// the store (<see cref="ISeenEventStore"/>), so a retry that reaches another instance, or this one after a restart,
/// is still recognised.
/// </summary>
public sealed class SlackEventDeduplicator(ISeenEventStore seen)
{
    // Event ids are unique per app; the prefix keeps them apart from any other platform's ids in the same store.
    private const string Prefix = "slack:";

    /// <summary>True the first time <paramref name="eventId"/> is seen (within the retention), false for a repeat.</summary>
    public Task<bool> TryRegisterAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return seen.TryRecordAsync(Prefix + eventId, cancellationToken);
    }
}
