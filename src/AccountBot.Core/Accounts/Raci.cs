namespace AccountBot.Core.Accounts;

/// <summary>RACI role for the purchase decision (optional).</summary>
public enum Raci
{
    None,
    Responsible,
    Accountable,
    Consulted,
    Informed,
}
