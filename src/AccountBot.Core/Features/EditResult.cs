using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features;

/// <summary>The result of <see cref="MapEditor.EditAsync"/>: the map as stored now, or why not.</summary>
public sealed record EditResult(EditOutcome Outcome, AccountMap? Map, MapChange? Change, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Outcome is EditOutcome.Saved or EditOutcome.AlreadyApplied;
}
