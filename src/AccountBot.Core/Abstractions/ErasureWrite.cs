using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// An erase, written as one transaction: the map without the person (<see cref="Write"/>, checked against its version
/// and with its "a person was erased" entry), the history entries that named them rewritten, and those that were
/// about them alone removed (by version). A store must not keep the removed text readable anywhere it controls.
/// </summary>
public sealed record ErasureWrite(MapWrite Write, IReadOnlyList<HistoryEntry> Rewritten, IReadOnlyList<int> Removed);
