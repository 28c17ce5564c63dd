using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Applies pending schema migrations while the host starts (unless <see cref="PostgresOptions.MigrateOnStart"/> is off),
/// before the hosted jobs registered after it touch the database.
/// </summary>
internal sealed class PostgresStartup(PostgresMigrator migrator, IOptions<PostgresOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
