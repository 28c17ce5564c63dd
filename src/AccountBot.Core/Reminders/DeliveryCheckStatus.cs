namespace AccountBot.Core.Reminders;

/// <summary>What a platform says about an attempt whose outcome was not recorded.</summary>
public enum DeliveryCheckStatus
{
    /// <summary>The digest is in the channel: recorded as sent, not sent again.</summary>
    Posted,

    /// <summary>The platform is sure it is not (e.g. the channel's history since the attempt was read in full): sent again.</summary>
    NotPosted,

    /// <summary>The platform cannot say, now or later (no way to read the channel, missing scope): sent again.</summary>
    CannotTell,

    /// <summary>The platform could not be asked just now (429, 5xx, network): asked again later, with backoff.</summary>
    TryLater,
}
