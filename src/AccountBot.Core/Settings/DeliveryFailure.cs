namespace AccountBot.Core.Settings;

/// <summary>A permanent failure to post in a channel, e.g. the bot was removed.</summary>
public sealed record DeliveryFailure(DateTimeOffset At, string Reason);
