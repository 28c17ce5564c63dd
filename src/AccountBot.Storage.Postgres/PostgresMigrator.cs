using Microsoft.Extensions.Logging;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// Brings the database's schema up to <see cref="PostgresMigration.All"/>. The whole run holds a session-level advisory
/// lock, so instances starting together take turns: the first applies what is missing, the others then find it
/// recorded in <c>schema_migrations</c> and apply nothing. Each migration and its record commit in one transaction.
/// </summary>
public sealed class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresMigrator> logger)
{
    // An arbitrary constant that names "AccountBot schema migrations" among the database's advisory locks.
    private const long LockKey = 0x4163_6374_426F_7401;

    /// <summary>Applies every missing migration; returns the versions this call applied (none when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", LockKey)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    applied_at  timestamptz NOT NULL
                )
                """, cancellationToken).ConfigureAwait(false);

            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var migration in PostgresMigration.All.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", cancellationToken,
                    ("version", migration.Version), ("name", migration.Name), ("at", time.GetUtcNow())).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Log.MigrationApplied(logger, migration.Version, migration.Name);
                done.Add(migration.Version);
            }

            Log.SchemaCurrent(logger, PostgresMigration.All.Count == 0 ? 0 : PostgresMigration.All[^1].Version);
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey)).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
