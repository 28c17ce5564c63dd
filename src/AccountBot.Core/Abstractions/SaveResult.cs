using AccountBot.Core.Accounts;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// The outcome of a save and, when there is one, the map as stored now. <c>MapEditor</c> adds the write it applied
/// (on <see cref="SaveOutcome.Saved"/>) and the errors that refused it.
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, AccountMap? Map)
{
    /// <summary>What this save wrote (its history entry says what changed), when it wrote something.</summary>
    public MapWrite? Write { get; init; }

    /// <summary>Why the save was refused (<see cref="SaveOutcome.Invalid"/>, <see cref="SaveOutcome.VersionConflict"/>); empty otherwise.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>The map is stored as the save meant: written now or by the same save before.</summary>
    public bool Succeeded => Outcome is SaveOutcome.Saved or SaveOutcome.AlreadyApplied;
}
