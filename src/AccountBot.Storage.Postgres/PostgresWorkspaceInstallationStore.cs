using AccountBot.Core.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// <see cref="IWorkspaceInstallationStore"/> on PostgreSQL: one row per installation key, upserted. The bot token is
/// stored as the adapter hands it over: the Slack adapter encrypts it with Data Protection first, so the table holds
/// ciphertext only (instances sharing the database must share the Data Protection keys to read it).
/// </summary>
public sealed class PostgresWorkspaceInstallationStore(NpgsqlDataSource dataSource) : IWorkspaceInstallationStore
{
    public async Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM workspace_installations WHERE key = @k", null, cancellationToken, ("k", key)).ConfigureAwait(false);
        return bodies.Count == 0 ? null : StoredJson.Read<WorkspaceInstallation>(bodies[0]);
    }

    public async Task<IReadOnlyList<WorkspaceInstallation>> ListAsync(string platformPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformPrefix);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // starts_with, not LIKE: a prefix holding % or _ must not match as a pattern.
        var bodies = await Sql.ListAsync<string>(connection, "SELECT body::text FROM workspace_installations WHERE starts_with(key, @prefix)", null, cancellationToken,
            ("prefix", platformPrefix + ":")).ConfigureAwait(false);
        return [.. bodies.Select(StoredJson.Read<WorkspaceInstallation>)];
    }

    public async Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            INSERT INTO workspace_installations (key, body) VALUES (@k, @body)
            ON CONFLICT (key) DO UPDATE SET body = excluded.body
            """, null, cancellationToken, ("k", installation.Key), ("body", new Sql.Json(StoredJson.Write(installation)))).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM workspace_installations WHERE key = @k", null, cancellationToken, ("k", key)).ConfigureAwait(false);
    }
}
