namespace AccountBot.Core.Accounts;

/// <summary>A typed, directed link between two stakeholders of the same map.</summary>
public sealed record Relationship(Guid Id, Guid FromId, Guid ToId, RelationshipKind Kind, string? Note);
