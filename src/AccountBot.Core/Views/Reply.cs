namespace AccountBot.Core.Views;

/// <summary>
/// A channel-neutral answer to a command or form. The Teams and Slack renderers draw each kind
/// (Adaptive Card / Block Kit); the core never knows which.
/// </summary>
public abstract record Reply
{
    /// <summary>Who sees it: only the person who asked, or everyone in the channel.</summary>
    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.OnlyMe;
}
