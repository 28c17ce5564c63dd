using AccountBot.Core.Settings;

namespace AccountBot.Core.Reminders;

/// <summary>
/// The digest's "Snooze a week" button: quiets one account in one channel. The workspace is not carried:
/// the handler takes it from the verified request, so a forged button cannot reach another workspace.
/// </summary>
public sealed record SnoozeAction(Guid MapId, string ChannelId)
{
    /// <summary>How long the button snoozes for.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The snooze to store when the button is pressed at <paramref name="pressedAt"/>. A digest leaves out
    /// accounts snoozed past its scheduled time, so pressing it after this week's digest skips next week's.
    /// </summary>
    public Snooze ToSnooze(DateTimeOffset pressedAt) => new(MapId, pressedAt + Duration);
}
