using AccountBot.Core.Accounts;

namespace AccountBot.Core.Workspaces;

/// <summary>
/// Every record a workspace has, as the store keeps it: per table (or collection), one JSON object per record.
/// Kept as the stored JSON rather than domain records, so an export shows what is stored, including what the domain
/// does not read back (delivery state, idempotency keys).
/// </summary>
public sealed record WorkspaceExport(WorkspaceKey Workspace, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, IReadOnlyList<string>> Tables)
{
    public int Records => Tables.Values.Sum(t => t.Count);
}
