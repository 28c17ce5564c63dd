using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// CSV import previews waiting for confirmation, for <see cref="Lifetime"/>. Only the parsed rows are kept; the plan is
/// made again on the map as it is when confirmed. Bounded: a workspace keeps at most <see cref="PerWorkspace"/> (its
/// oldest dropped first), all together at most <see cref="Capacity"/>, and when that many wait a new preview is refused
/// rather than dropping another workspace's. In memory for one instance (<see cref="PendingImports"/>); in the database
/// when several instances share one, so a preview made on one can be confirmed on another.
/// </summary>
public interface IPendingImportStore
{
    public const int PerWorkspace = 8;
    public const int Capacity = 256;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <returns>The import id, or null when <see cref="Capacity"/> previews are waiting.</returns>
    Task<string?> AddAsync(WorkspaceKey workspace, Guid mapId, IReadOnlyList<CsvRow> rows, int didNotFit, CancellationToken cancellationToken);

    /// <summary>The preview of this workspace and map, while it has not expired.</summary>
    Task<PendingImport?> FindAsync(WorkspaceKey workspace, Guid mapId, string importId, CancellationToken cancellationToken);

    /// <summary>Deletes this map's previews that <paramref name="matches"/> (those naming an erased person); returns how many.</summary>
    Task<int> ForgetAsync(WorkspaceKey workspace, Guid mapId, Func<PendingImport, bool> matches, CancellationToken cancellationToken);
}
