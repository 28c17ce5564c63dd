namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>A scheduled deletion of a workspace's data; the document id is the workspace key.</summary>
public sealed class WorkspaceRemovalDocument
{
    public const string Collection = "workspace_removals";

    public string Id { get; set; } = string.Empty;
    public DateTime ScheduledAt { get; set; }
    public DateTime DeleteAfter { get; set; }
    public string Reason { get; set; } = string.Empty;
}
