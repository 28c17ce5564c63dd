namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>An event id already handled (the document id) and when it may be forgotten.</summary>
public sealed class SeenEventDocument
{
    public string Id { get; set; } = string.Empty;
    public DateTime Expires { get; set; }
}
