using AccountBot.Slack.Hosting;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Installations;

/// <summary>
/// One workspace with a configured <c>Slack:BotToken</c>: every request uses that token. Saving is refused
/// (configure <c>Slack:ClientId</c> for OAuth installs); deleting (uninstall, revoke) stops using the token until restart.
/// </summary>
public sealed class SingleWorkspaceInstallationStore : ISlackInstallationStore
{
    private readonly SlackInstallation _installation;
    private volatile bool _revoked;

    public SingleWorkspaceInstallationStore(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = options.Value.BotToken;
        if (string.IsNullOrEmpty(token))
            throw new InvalidOperationException("Slack:BotToken is not set.");
        _installation = new SlackInstallation { BotToken = token };
    }

    public ValueTask<SlackInstallation?> FindAsync(SlackTeamKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_revoked ? null : _installation with { EnterpriseId = key.EnterpriseId, TeamId = key.TeamId });

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A single-workspace setup (Slack:BotToken) cannot save installations; configure Slack:ClientId and Slack:ClientSecret for OAuth installs.");

    public Task DeleteAsync(SlackTeamKey key, CancellationToken cancellationToken)
    {
        _revoked = true;
        return Task.CompletedTask;
    }
}
