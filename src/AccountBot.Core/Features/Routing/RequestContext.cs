using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.Routing;

/// <summary>
/// Who is asking, where: built by the platform adapters from a verified request only. The
/// workspace here, never ids inside a payload, decides which data a request can touch.
/// </summary>
public sealed record RequestContext(WorkspaceKey Workspace, UserRef User, ChannelRef Channel)
{
    /// <summary>
    /// The platform said the channel is private (Slack <c>is_private</c>, a Teams private channel): a map created here
    /// is private. False when it is public or not known.
    /// </summary>
    public bool PrivateChannel { get; init; }

    /// <summary>Whether the asker may see <paramref name="map"/> where they ask (<see cref="AccountMap.IsVisibleTo"/>).</summary>
    public bool Sees(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.IsVisibleTo(User.Id, Channel.Id);
    }
}
