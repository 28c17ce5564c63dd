namespace AccountBot.Core.Accounts;

/// <summary>An append-only record of one change to a map: who, when, what, old → new.</summary>
public sealed record HistoryEntry(
    Guid MapId,
    int Version,
    DateTimeOffset At,
    UserRef By,
    string Summary,
    IReadOnlyList<FieldChange> Fields);
