namespace AccountBot.Slack.Bot;

/// <summary>
/// What a map change announcement sends where, as kept in the follow-up outbox: the map (by id, drawn when sent), the
/// channel it goes to, and who saved (told privately when the channel turns out to be shared with another organisation).
/// <see cref="UndoCommand"/> is the Undo button of a quick add (absent in announcements stored before it existed);
/// <see cref="FollowButtons"/> the "follow your champion" buttons of an import that marked people as left.
/// </summary>
public sealed record SlackAnnouncement(
    string? EnterpriseId, string? TeamId, string Channel, string User, string Workspace, Guid MapId, string? Notice, string? UndoCommand = null,
    IReadOnlyList<AccountBot.Core.Views.CommandButton>? FollowButtons = null);
