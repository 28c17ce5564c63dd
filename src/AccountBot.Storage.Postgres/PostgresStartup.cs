using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Applies pending schema migrations while the host starts (unless <see cref="PostgresOptions.MigrateOnStart"/> is off),
/// before the hosted jobs registered after it touch the database.
/// </summary>
internal sealed class PostgresStartup(PostgresMigrator migrator, IOptions<PostgresOptions> options) : IHostedService
{
    private volatile bool _done;

    /// <summary>True once start-up work is over (migrations applied, or left to the operator).</summary>
    public bool Done => _done;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        _done = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
