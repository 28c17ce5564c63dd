namespace AccountBot.Slack.Security;

/// <summary>Whether a verified request may read or change account maps, and if not, why.</summary>
public enum SlackAccess
{
    Allowed,

    /// <summary>The installation's team (and enterprise) is not on <c>Slack:AllowedTeams</c>.</summary>
    WorkspaceNotAllowed,

    /// <summary>The acting user belongs to another organisation than the installation (Slack Connect).</summary>
    ExternalUser,
}
