using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.QuickAdd;

/// <summary>
/// What undoing one person (<see cref="Name"/> as the add left it) of a quick add does: remove them (<see cref="Before"/> is null: the add created them) or put
/// back the fields the add changed (<see cref="Changed"/>, with their values in <see cref="Before"/>). <see cref="After"/>
/// is the person's fingerprint right after the add: any other value means they were changed since, and the undo is refused.
/// </summary>
public sealed record UndoStep(Guid PersonId, string Name, ulong After, Stakeholder? Before, QuickFields Changed)
{
    public bool WasAdded => Before is null;
}
