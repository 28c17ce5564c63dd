namespace AccountBot.Core.Accounts;

/// <summary>How strong our side's relationship with the stakeholder is.</summary>
public enum RelationshipStrength
{
    None,
    Weak,
    Good,
    Strong,
}
