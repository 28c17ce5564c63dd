using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary>The relationship part of a stakeholder form: this person → another, of a kind.</summary>
public sealed record RelationshipDraft(Guid ToId, RelationshipKind Kind, string? Note);
