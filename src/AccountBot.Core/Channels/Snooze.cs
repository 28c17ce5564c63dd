
namespace AccountBot.Core.Channels;

/// <summary>An account's reminders are quiet in one channel until <see cref="Until"/>.</summary>
public sealed record Snooze(Guid MapId, DateTimeOffset Until);
