using Microsoft.Extensions.Hosting;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Opens the database while the host starts, so a locked, corrupt or unwritable file fails
/// start-up with its <see cref="LiteDbStartupException"/> instead of the first request.
/// </summary>
internal sealed class LiteDbStartup : IHostedService
{
    public LiteDbStartup(LiteDbContext context)
    {
        // Resolving the singleton is what opens the file; nothing else to do.
        ArgumentNullException.ThrowIfNull(context);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
