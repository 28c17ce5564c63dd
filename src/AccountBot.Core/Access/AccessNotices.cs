namespace AccountBot.Core.Access;

/// <summary>
/// The sentences a person reads when the bot declines to show or change account maps for who they are or
/// where they asked. One wording for Teams and Slack; each adapter decides when they apply.
/// </summary>
public static class AccessNotices
{
    /// <summary>The request came from a tenant or team that is not on the operator's allow-list.</summary>
    public const string WorkspaceNotAllowed =
        "AccountBot is not enabled for this organisation, so nothing was read or saved. Ask the people who run AccountBot to add it.";

    /// <summary>The person belongs to another organisation (Slack Connect, a Teams guest or external user).</summary>
    public const string ExternalUser =
        "Sorry, account maps are only available to members of the organisation that installed AccountBot.";

    /// <summary>A reply that would show map content, asked for in a channel shared with another organisation.</summary>
    public const string SharedChannelPrivateReply =
        "This channel is shared with another organisation, so AccountBot answers you privately and posts no account maps here.";

    /// <summary>Shown by <c>map settings</c> in a shared channel: why no digests or exports go there, and what to do instead.</summary>
    public const string SharedChannelSettings =
        "This channel is shared with another organisation: weekly reminders and exports are not sent here. Link your maps to a private channel of your own team instead.";
}
