namespace AccountBot.Core.Nudges;

/// <summary>Why a relationship owner gets a direct message.</summary>
public enum NudgeOccasion
{
    /// <summary>Next steps due today or overdue (one message a day, or a week, listing them all).</summary>
    DueSteps,

    /// <summary>A champion on an account the user owns was marked as having left.</summary>
    ChampionLeft,

    /// <summary>Someone else removed a stakeholder whose relationship the user owns.</summary>
    StakeholderRemoved,
}
