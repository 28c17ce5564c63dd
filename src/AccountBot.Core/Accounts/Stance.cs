namespace AccountBot.Core.Accounts;

/// <summary>How a stakeholder feels about us and the deal.</summary>
public enum Stance
{
    Neutral,
    Supporter,
    Skeptic,
    Opponent,
}
