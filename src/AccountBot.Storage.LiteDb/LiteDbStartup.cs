using Microsoft.Extensions.Hosting;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Opens the database while the host starts, so a locked, corrupt or unwritable file fails
/// start-up with its <see cref="LiteDbStartupException"/> instead of the first request; then tells
/// <see cref="LiteDbHealthCheck"/> that the store is ready.
/// </summary>
internal sealed class LiteDbStartup(LiteDbContext context, LiteDbReadiness readiness) : IHostedService
{
    // Resolving the context (the constructor's argument) is what opens the file and makes the indexes.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        readiness.Opened(context);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
