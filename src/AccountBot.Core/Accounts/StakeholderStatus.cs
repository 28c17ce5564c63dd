namespace AccountBot.Core.Accounts;

/// <summary>Whether a person still counts as coverage. People who left keep their history.</summary>
public enum StakeholderStatus
{
    Active,
    LeftCompany,
    ChangedRole,
}
