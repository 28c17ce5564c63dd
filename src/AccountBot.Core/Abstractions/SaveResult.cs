using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>The outcome of a save and, when there is one, the map as stored now.</summary>
public sealed record SaveResult(SaveOutcome Outcome, AccountMap? Map);
