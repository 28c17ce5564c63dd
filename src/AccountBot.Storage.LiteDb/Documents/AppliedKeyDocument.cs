namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>An idempotency key that was applied: which map it changed and to which version.</summary>
public sealed class AppliedKeyDocument
{
    /// <summary><c>{workspace}|{key}</c>: the primary key makes a key unique per workspace.</summary>
    public string Id { get; set; } = string.Empty;

    public string Workspace { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public Guid MapId { get; set; }
    public int Version { get; set; }

    /// <summary>When it was applied; indexed so old keys can be pruned.</summary>
    public DateTime AppliedAt { get; set; }
}
