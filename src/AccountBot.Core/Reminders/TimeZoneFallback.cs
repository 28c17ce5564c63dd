namespace AccountBot.Core.Reminders;

/// <summary>A channel whose configured time zone is unknown here, and the zone its digest used instead.</summary>
public sealed record TimeZoneFallback(string ChannelId, string ConfiguredTimeZone, string UsedTimeZone);
