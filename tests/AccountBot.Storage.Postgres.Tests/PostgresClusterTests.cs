using AccountBot.Testing.Postgres;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The throw-away cluster itself: a real server, on loopback, never running as root.</summary>
public sealed class PostgresClusterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Shared_Started_AnswersOnLoopbackWithItsSocketInItsOwnFolder()
    {
        await using var dataSource = database.OpenDataSource();
        await using var command = dataSource.CreateCommand("SELECT current_setting('server_version_num')::int, current_setting('unix_socket_directories'), current_setting('listen_addresses'), inet_server_addr()::text");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.True(reader.GetInt32(0) >= 150000, "PostgreSQL 15 or newer");
        Assert.StartsWith(PostgresCluster.Shared.Folder, reader.GetString(1), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", reader.GetString(2));
        Assert.StartsWith("127.0.0.1", reader.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_Started_DataOwnedByAnUnprivilegedUser()
    {
        var owner = PostgresCluster.Run("stat", ["-c", "%u", Path.Combine(PostgresCluster.Shared.Folder, "data")]).Trim();

        Assert.NotEqual("0", owner);
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoDatabases_DoNotShareTables()
    {
        var other = await PostgresCluster.Shared.CreateDatabaseAsync("other");
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(other);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'account_maps'");

            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }
        finally
        {
            await PostgresCluster.Shared.DropDatabaseAsync(other);
        }
    }
}
