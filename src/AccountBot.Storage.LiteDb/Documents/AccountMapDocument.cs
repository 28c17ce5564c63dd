using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>
/// Stored form of <see cref="AccountMap"/>: the map with its stakeholders and relationships embedded,
/// plus computed lookup keys that the indexes are built on.
/// </summary>
public sealed class AccountMapDocument
{
    /// <summary><c>{workspace}|{mapId}</c>: a lookup by id cannot cross workspaces.</summary>
    public string Id { get; set; } = string.Empty;

    public Guid MapId { get; set; }
    public string Workspace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary><c>{workspace}|{normalised name}</c>; unique index: one map per name per workspace.</summary>
    public string WorkspaceNameKey { get; set; } = string.Empty;

    /// <summary><c>{workspace}|{normalised name or alias}</c> for every name the map answers to (multikey index).</summary>
    public List<string> LookupKeys { get; set; } = [];

    public List<string> Aliases { get; set; } = [];
    public string? Domain { get; set; }
    public MapKind Kind { get; set; }
    public UserRefDocument Owner { get; set; } = new();
    public List<ChannelRefDocument> LinkedChannels { get; set; } = [];

    /// <summary><c>{workspace}|{channel id}</c> per linked channel (multikey index).</summary>
    public List<string> ChannelKeys { get; set; } = [];

    public StampDocument Created { get; set; } = new();
    public StampDocument Updated { get; set; } = new();
    public StampDocument? LastReviewed { get; set; }
    public int Version { get; set; }

    /// <summary>Absent in documents written before links could be reset: reads as 0, the first epoch.</summary>
    public int LinkEpoch { get; set; }

    /// <summary>Absent in documents written before maps could be private: reads as public.</summary>
    public MapVisibility Visibility { get; set; }
    public List<StakeholderDocument> Stakeholders { get; set; } = [];
    public List<RelationshipDocument> Relationships { get; set; } = [];

    public static AccountMapDocument From(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var workspace = map.Workspace;
        var nameKey = StoreKeys.Name(workspace, map.Key);
        return new()
        {
            Id = StoreKeys.Map(workspace, map.Id),
            MapId = map.Id,
            Workspace = workspace.Value,
            Name = map.Name,
            WorkspaceNameKey = nameKey,
            LookupKeys = [.. new[] { nameKey }
                .Concat(map.Aliases.Select(a => StoreKeys.Name(workspace, NameKey.Normalize(a))))
                .Distinct(StringComparer.Ordinal)],
            Aliases = [.. map.Aliases],
            Domain = map.Domain,
            Kind = map.Kind,
            Owner = UserRefDocument.From(map.Owner),
            LinkedChannels = [.. map.LinkedChannels.Select(ChannelRefDocument.From)],
            ChannelKeys = [.. map.LinkedChannels.Select(c => StoreKeys.Channel(workspace, c.Id)).Distinct(StringComparer.Ordinal)],
            Created = StampDocument.From(map.Created),
            Updated = StampDocument.From(map.Updated),
            LastReviewed = map.LastReviewed is { } reviewed ? StampDocument.From(reviewed) : null,
            Version = map.Version,
            LinkEpoch = map.LinkEpoch,
            Visibility = map.Visibility,
            Stakeholders = [.. map.Stakeholders.Select(StakeholderDocument.From)],
            Relationships = [.. map.Relationships.Select(RelationshipDocument.From)],
        };
    }

    public AccountMap ToDomain() => new()
    {
        Id = MapId,
        Workspace = WorkspaceKey.Parse(Workspace),
        Name = Name,
        Aliases = [.. Aliases],
        Domain = Domain,
        Kind = Kind,
        Owner = Owner.ToDomain(),
        LinkedChannels = [.. LinkedChannels.Select(c => c.ToDomain())],
        Created = Created.ToDomain(),
        Updated = Updated.ToDomain(),
        LastReviewed = LastReviewed?.ToDomain(),
        Version = Version,
        LinkEpoch = LinkEpoch,
        Visibility = Visibility,
        Stakeholders = [.. Stakeholders.Select(s => s.ToDomain())],
        Relationships = [.. Relationships.Select(r => r.ToDomain())],
    };
}
