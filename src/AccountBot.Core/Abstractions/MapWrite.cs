using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// One write of a map: the new state (carrying the version it was loaded at), its history entry,
/// and optionally the idempotency key of the form submission that caused it.
/// </summary>
public sealed record MapWrite(AccountMap Map, HistoryEntry History, string? IdempotencyKey = null)
{
    /// <summary>
    /// For a new map: the most maps its workspace may hold (<c>Limits:MapsPerWorkspace</c>). The store refuses the
    /// insert with <see cref="SaveOutcome.LimitReached"/> when the workspace holds that many, checked in the same
    /// transaction as the insert so concurrent creates cannot pass it.
    /// </summary>
    public int? MapLimit { get; init; }
}
