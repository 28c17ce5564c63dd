using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Nudges;

/// <summary>
/// A nudge to send, under its outbox key: workspace, the recipient and occasion (<see cref="NudgeKeys"/>), and the date,
/// so the same person, occasion and day always give the same key across restarts and retries.
/// </summary>
public sealed record PlannedNudge(DigestKey Key, Nudge Nudge)
{
    public WorkspaceKey Workspace => Key.Workspace;

    public UserRef Recipient => Nudge.Recipient;
}
