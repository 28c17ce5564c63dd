namespace AccountBot.Slack.Installations;

/// <summary>
/// Where bot tokens live, per (enterprise_id, team_id). Implementations: <see cref="InMemorySlackInstallationStore"/>,
/// <see cref="SingleWorkspaceInstallationStore"/> (<c>Slack:BotToken</c>), and a persistent one from storage.
/// </summary>
public interface ISlackInstallationStore
{
    /// <summary>
    /// The installation for <paramref name="key"/>; when there is none for the workspace, an org-wide install for
    /// its enterprise (<c>TeamId</c> null) is returned.
    /// </summary>
    ValueTask<SlackInstallation?> FindAsync(SlackTeamKey key, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the installation under its <see cref="SlackInstallation.Key"/>.</summary>
    Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken);

    /// <summary>Forgets the installation (app uninstalled, token revoked). Deleting a missing one is not an error.</summary>
    Task DeleteAsync(SlackTeamKey key, CancellationToken cancellationToken);
}
