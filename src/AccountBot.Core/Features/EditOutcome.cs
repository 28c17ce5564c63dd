namespace AccountBot.Core.Features;

/// <summary>What became of an edit.</summary>
public enum EditOutcome
{
    Saved,
    AlreadyApplied,
    NotFound,
    Rejected,
    Conflict,
}
