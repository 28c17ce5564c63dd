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
    public bool CanApply => ToAdd.Count + ToUpdate.Count > 0;
}
