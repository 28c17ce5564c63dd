namespace AccountBot.Core.Views;

/// <summary>
/// What an import would do, before anything changes. The confirm button calls
/// <c>CommandDispatcher.ApplyImportAsync(MapId, ImportId, …)</c>; <see cref="ImportId"/> is also the
/// idempotency key, so confirming twice applies once. Rows in <see cref="Errors"/> are skipped.
/// </summary>
public sealed record ImportPreviewView(
    Guid MapId,
    string MapName,
    string CommandName,
    string ImportId,
    IReadOnlyList<ImportLine> ToAdd,
    IReadOnlyList<ImportLine> ToUpdate,
    int Unchanged,
    IReadOnlyList<ImportLine> Errors,
    IReadOnlyList<string> IgnoredColumns) : Reply
{
    public bool CanApply => ToAdd.Count + ToUpdate.Count + Leaving.Count > 0;

    /// <summary>People the file shows at another company, recognised by profile address or e-mail: confirming marks them as left.</summary>
    public IReadOnlyList<ImportLine> Leaving { get; init; } = [];

    /// <summary>People the file may show at another company, matched by name only: the import leaves them alone.</summary>
    public IReadOnlyList<ImportLine> Possible { get; init; } = [];
}
