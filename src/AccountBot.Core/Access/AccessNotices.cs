using AccountBot.Core.Text;

namespace AccountBot.Core.Access;

/// <summary>
/// The sentences a person reads when the bot declines to show or change account maps for who they are or
/// where they asked. One wording for Teams and Slack, kept in the sentence catalogue (<see cref="Sentences"/>); each
/// adapter decides when they apply.
/// </summary>
public static class AccessNotices
{
    /// <summary>The request came from a tenant or team that is not on the operator's allow-list.</summary>
    public static string WorkspaceNotAllowed => Sentences.AccessWorkspaceNotAllowed;

    /// <summary>The person belongs to another organisation (Slack Connect, a Teams guest or external user).</summary>
    public static string ExternalUser => Sentences.AccessExternalUser;

    /// <summary>A reply that would show map content, asked for in a channel shared with another organisation.</summary>
    public static string SharedChannelPrivateReply => Sentences.AccessSharedChannelPrivateReply;

    /// <summary>Shown by <c>map settings</c> in a shared channel: why no digests or exports go there, and what to do instead.</summary>
    public static string SharedChannelSettings => Sentences.AccessSharedChannelSettings;
}
