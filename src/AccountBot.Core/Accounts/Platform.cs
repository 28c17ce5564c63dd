namespace AccountBot.Core.Accounts;

/// <summary>The chat platform a workspace lives on.</summary>
public enum Platform
{
    Teams,
    Slack,
}
