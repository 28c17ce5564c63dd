using AccountBot.Core.Abstractions;

namespace AccountBot.Slack.Installations;

/// <summary>
/// <see cref="ISlackInstallationStore"/> over the core's <see cref="IWorkspaceInstallationStore"/> port (LiteDB in the
/// host), so OAuth installs survive restarts. Keys are <c>slack:</c>[enterprise<c>:</c>]team, <c>slack:E…:*</c> for
/// an org-wide install.
/// </summary>
public sealed class PersistentSlackInstallationStore(IWorkspaceInstallationStore store) : ISlackInstallationStore
{
    private const string Prefix = "slack";

    public async ValueTask<SlackInstallation?> FindAsync(SlackTeamKey key, CancellationToken cancellationToken)
    {
        if (key.TeamId is not null && await store.GetAsync(KeyOf(key), cancellationToken) is { } exact)
            return ToSlack(exact);
        if (key.EnterpriseId is not null && await store.GetAsync(KeyOf(key with { TeamId = null }), cancellationToken) is { } orgWide)
            return ToSlack(orgWide);
        return null;
    }

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return store.SaveAsync(new WorkspaceInstallation
        {
            Key = KeyOf(installation.Key),
            EnterpriseId = installation.EnterpriseId,
            TeamId = installation.TeamId,
            TeamName = installation.TeamName,
            IsEnterpriseInstall = installation.IsEnterpriseInstall,
            BotToken = installation.BotToken,
            BotUserId = installation.BotUserId,
            AppId = installation.AppId,
            Scopes = installation.Scopes,
            InstalledAt = installation.InstalledAt,
        }, cancellationToken);
    }

    public Task DeleteAsync(SlackTeamKey key, CancellationToken cancellationToken) =>
        key.EnterpriseId is null && key.TeamId is null ? Task.CompletedTask : store.DeleteAsync(KeyOf(key), cancellationToken);

    private static string KeyOf(SlackTeamKey key) => WorkspaceInstallation.KeyFor(Prefix, key.EnterpriseId, key.TeamId);

    private static SlackInstallation ToSlack(WorkspaceInstallation i) => new()
    {
        EnterpriseId = i.EnterpriseId,
        TeamId = i.TeamId,
        TeamName = i.TeamName,
        IsEnterpriseInstall = i.IsEnterpriseInstall,
        BotToken = i.BotToken,
        BotUserId = i.BotUserId,
        AppId = i.AppId,
        Scopes = i.Scopes,
        InstalledAt = i.InstalledAt,
    };
}
