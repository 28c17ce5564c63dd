using AccountBot.Core.Accounts;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// What an import does to one state of a map: the single change to save (null when nothing
/// changes), who is added and updated, how many rows change nothing, and the rows skipped with why
/// (<see cref="DidNotFit"/> of them because the map was full).
/// </summary>
public sealed record ImportPlan(
    MapWrite? Change,
    IReadOnlyList<ImportLine> Added,
    IReadOnlyList<ImportLine> Updated,
    int Unchanged,
    IReadOnlyList<ImportLine> Errors,
    int DidNotFit)
{
    /// <summary>People the file shows at another company, recognised by profile address or e-mail: marked as left.</summary>
    public IReadOnlyList<ImportLine> Left { get; init; } = [];

    /// <summary>People the file may show at another company, recognised by name only: left alone.</summary>
    public IReadOnlyList<ImportLine> Possible { get; init; } = [];

    /// <summary>The job changes behind <see cref="Left"/>, for the offers to follow them to their new company.</summary>
    public IReadOnlyList<JobChange> JobChanges { get; init; } = [];
}
