namespace AccountBot.Core.Accounts;

/// <summary>The four quadrants of the power/interest grid.</summary>
public enum GridQuadrant
{
    ManageClosely,
    KeepSatisfied,
    KeepInformed,
    Monitor,
}
