using AccountBot.Core.Commands;

namespace AccountBot.Core.Nudges;

/// <summary>One due next step in a nudge, with the commands its Done, Snooze and Open map buttons send.</summary>
public sealed record NudgeStep(Guid MapId, string Account, Guid StakeholderId, string Name, string NextStep, DateOnly Due)
{
    /// <summary><c>map Acme done id:&lt;guid&gt;</c>: the same command the home's Done button sends (by id, so a namesake is never hit).</summary>
    public string DoneCommand => CommandText.Map(Account).Done(PersonRef.ForId(StakeholderId));

    /// <summary><c>map Acme postpone "id:&lt;guid&gt;" day</c>: the due date moves to tomorrow, recorded in the map's history.</summary>
    public string SnoozeCommand => CommandText.Map(Account).Postpone(PersonRef.ForId(StakeholderId), NudgePlanner.SnoozeSpan);

    /// <summary><c>map Acme</c>.</summary>
    public string OpenCommand => CommandText.Map(Account).Open;
}
