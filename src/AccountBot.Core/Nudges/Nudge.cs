using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Nudges;

/// <summary>
/// A direct message to one person, frozen when planned: a headline, and for <see cref="NudgeOccasion.DueSteps"/> the
/// steps with their buttons; for the other occasions the account to open.
/// </summary>
/// <param name="Lines">One line a step (or the one line of an event), as the platforms show it.</param>
/// <param name="Account">The account the Open map button shows (events; each step carries its own).</param>
public sealed record Nudge(NudgeOccasion Occasion, UserRef Recipient, string Title, IReadOnlyList<string> Lines, IReadOnlyList<NudgeStep> Steps, string? Account = null)
{
    /// <summary>The Open map button of an event, or null for due steps (each step has its own).</summary>
    public string? OpenCommand => Account is null ? null : CommandText.Map(Account).Open;

    /// <summary>Title and lines as plain text (the notification text, and what <c>reminders preview</c> shows).</summary>
    public string Text => Lines.Count == 0 ? Title : Title + "\n" + string.Join("\n", Lines);
}
