using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="HistoryEntry"/>, one document per map version.</summary>
public sealed class HistoryEntryDocument
{
    /// <summary>
    /// <c>{workspace}|{mapId}|{version, 10 digits}</c>: the primary key is the (workspace, map, version)
    /// index, so one version has one entry and a key range read gives a map's history in order.
    /// </summary>
    public string Id { get; set; } = string.Empty;

    public string Workspace { get; set; } = string.Empty;
    public Guid MapId { get; set; }
    public int Version { get; set; }
    public DateTime At { get; set; }
    public UserRefDocument By { get; set; } = new();
    public string Summary { get; set; } = string.Empty;
    public List<FieldChangeDocument> Fields { get; set; } = [];

    public static HistoryEntryDocument From(WorkspaceKey workspace, HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            Id = StoreKeys.History(workspace, entry.MapId, entry.Version),
            Workspace = workspace.Value,
            MapId = entry.MapId,
            Version = entry.Version,
            At = StoredDates.ToStored(entry.At),
            By = UserRefDocument.From(entry.By),
            Summary = entry.Summary,
            Fields = [.. entry.Fields.Select(FieldChangeDocument.From)],
        };
    }

    public HistoryEntry ToDomain() =>
        new(MapId, Version, StoredDates.FromStored(At), By.ToDomain(), Summary, [.. Fields.Select(f => f.ToDomain())]);
}
