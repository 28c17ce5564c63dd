namespace AccountBot.Core.Views;

/// <summary>Replies only the asker needs are private; changes to a map are announced in the channel.</summary>
public enum ReplyVisibility
{
    OnlyMe,
    Channel,
}
