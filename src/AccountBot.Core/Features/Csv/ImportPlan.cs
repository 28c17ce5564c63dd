using AccountBot.Core.Accounts;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// What an import does to one state of a map: the single change to save (null when nothing
/// changes), who is added and updated, how many rows change nothing, and the rows skipped with why
/// (<see cref="DidNotFit"/> of them because the map was full).
/// </summary>
public sealed record ImportPlan(
    MapChange? Change,
    IReadOnlyList<ImportLine> Added,
    IReadOnlyList<ImportLine> Updated,
    int Unchanged,
    IReadOnlyList<ImportLine> Errors,
    int DidNotFit);
