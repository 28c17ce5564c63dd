using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="Relationship"/>, embedded in its map.</summary>
public sealed class RelationshipDocument
{
    public Guid Id { get; set; }
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public RelationshipKind Kind { get; set; }
    public string? Note { get; set; }

    public static RelationshipDocument From(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return new()
        {
            Id = relationship.Id,
            FromId = relationship.FromId,
            ToId = relationship.ToId,
            Kind = relationship.Kind,
            Note = relationship.Note,
        };
    }

    public Relationship ToDomain() => new(Id, FromId, ToId, Kind, Note);
}
