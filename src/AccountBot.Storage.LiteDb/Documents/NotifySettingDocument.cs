namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>One user's nudge setting; the id is <c>{workspace}|{user id}</c>, so a user id never resolves in another workspace.</summary>
public sealed class NotifySettingDocument
{
    public string Id { get; set; } = string.Empty;
    public string Workspace { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public string Mode { get; set; } = string.Empty;
    public string? TimeZone { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
