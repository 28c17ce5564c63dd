namespace AccountBot.Core.Accounts;

/// <summary>How two stakeholders relate to each other.</summary>
public enum RelationshipKind
{
    Influences,
    Ally,
    Rival,
    Avoid,
}
