namespace AccountBot.Core.Accounts;

/// <summary>The part a stakeholder plays in the buying decision; a person can have several.</summary>
[Flags]
public enum Role
{
    None = 0,
    DecisionMaker = 1,
    Influencer = 2,
    EndUser = 4,
    Gatekeeper = 8,
    Champion = 16,
    Blocker = 32,
    Signer = 64,
}
