namespace AccountBot.Core.Accounts;

/// <summary>
/// One change to a map as the store writes it: the new state (carrying the version it was loaded at) and its history
/// entry (<see cref="HistoryEntry.Summary"/> and <see cref="HistoryEntry.Fields"/> say what changed). Every change
/// method of <see cref="AccountMap"/> returns one; whoever saves it may add the idempotency key of the form submission
/// that caused it.
/// </summary>
public sealed record MapWrite(AccountMap Map, HistoryEntry History, string? IdempotencyKey = null)
{
    /// <summary>
    /// For a new map: the most maps its workspace may hold (<c>Limits:MapsPerWorkspace</c>). The store refuses the
    /// insert with <see cref="Abstractions.SaveOutcome.LimitReached"/> when the workspace holds that many, checked in the
    /// same transaction as the insert so concurrent creates cannot pass it.
    /// </summary>
    public int? MapLimit { get; init; }

    /// <summary><paramref name="map"/> as changed by <paramref name="stamp"/>'s author, its entry at the next version.</summary>
    public static MapWrite Of(AccountMap map, Stamp stamp, string summary, IReadOnlyList<FieldChange> fields)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(stamp);
        return new(map, new HistoryEntry(map.Id, map.Version + 1, stamp.At, stamp.By, summary, fields));
    }
}
