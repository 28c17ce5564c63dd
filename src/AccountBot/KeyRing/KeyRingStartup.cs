using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AccountBot.KeyRing;

/// <summary>
/// Creates (or tightens) the key ring folder while the host starts, so a folder that cannot be written fails
/// start-up instead of the first Slack install.
/// </summary>
internal sealed class KeyRingStartup(IOptions<KeyManagementOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Reading the options runs the configuration that makes the folder.
        _ = options.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
