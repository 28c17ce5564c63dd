using Microsoft.Extensions.Hosting;

namespace AccountBot.Slack.Installations;

/// <summary>Encrypts the bot tokens that earlier versions stored in plain text, while the host starts.</summary>
internal sealed class SlackTokenProtectionStartup(PersistentSlackInstallationStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.ProtectStoredTokensAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
