using AccountBot.Core.Caching;

namespace AccountBot.Core.Views;

/// <summary>
/// A channel-neutral answer to a command or form. The Teams and Slack renderers draw each kind
/// (Adaptive Card / Block Kit); the core never knows which.
/// </summary>
public abstract record Reply
{
    /// <summary>Who sees it: only the person who asked, or everyone in the channel.</summary>
    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.OnlyMe;

    /// <summary>
    /// Set only where a view is built for reuse (<see cref="RenderedOutputCache"/>): renderers keep their drawing under
    /// it. Null: drawn afresh each time. A <c>with</c> copy that changes what the view shows must set it to null.
    /// </summary>
    public ViewKey? CacheKey { get; init; }
}
