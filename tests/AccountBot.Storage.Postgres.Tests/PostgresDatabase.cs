using AccountBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>
/// A class fixture: a fresh database of the shared throw-away cluster (<see cref="PostgresCluster.Shared"/>), migrated
/// to the current schema, dropped after the class's last test.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private const string Tables = "account_maps, map_history, applied_keys, channel_settings, conversations, blocked_conversations, workspace_installations, digest_outbox, pending_imports, seen_events, follow_ups, workspace_removals, notify_settings";

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.Shared.CreateDatabaseAsync("accountbot");
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => PostgresCluster.Shared.DropDatabaseAsync(ConnectionString);

    /// <summary>A new pool on this database (what one more bot instance would open).</summary>
    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>Empties every table, so the next test of the class starts from nothing (the schema stays).</summary>
    public async Task ResetAsync()
    {
        await using var dataSource = OpenDataSource();
        await using var command = dataSource.CreateCommand($"TRUNCATE {Tables}");
        await command.ExecuteNonQueryAsync();
    }
}
