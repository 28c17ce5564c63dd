using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// One write of a map: the new state (carrying the version it was loaded at), its history entry,
/// and optionally the idempotency key of the form submission that caused it.
/// </summary>
public sealed record MapWrite(AccountMap Map, HistoryEntry History, string? IdempotencyKey = null);
