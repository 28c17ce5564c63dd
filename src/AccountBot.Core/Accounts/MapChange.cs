namespace AccountBot.Core.Accounts;

/// <summary>The result of a change to a map: the new map and what to write in its history.</summary>
public sealed record MapChange(AccountMap Map, string Summary, IReadOnlyList<FieldChange> Fields)
{
    public HistoryEntry ToHistory(Stamp stamp) =>
        new(Map.Id, Map.Version + 1, stamp.At, stamp.By, Summary, Fields);
}
