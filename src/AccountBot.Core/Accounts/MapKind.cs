namespace AccountBot.Core.Accounts;

/// <summary>The three kinds of account map the method distinguishes.</summary>
public enum MapKind
{
    Sales,
    Partner,
    Marketing,
}
