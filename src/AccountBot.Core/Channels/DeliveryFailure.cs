
namespace AccountBot.Core.Channels;

/// <summary>A permanent failure to post in a channel, e.g. the bot was removed.</summary>
public sealed record DeliveryFailure(DateTimeOffset At, string Reason);
