using AccountBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

public sealed class PostgresMigratorTests
{
    [Fact]
    public async Task MigrateAsync_TwoInstancesAtOnce_EachMigrationAppliedAndRecordedOnce()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("migrate");
        try
        {
            await using var first = NpgsqlDataSource.Create(connectionString);
            await using var second = NpgsqlDataSource.Create(connectionString);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            var runs = await Task.WhenAll(new[] { first, second }.Select(source => Task.Run(async () =>
            {
                await start.Task;
                return await Migrator(source).MigrateAsync(CancellationToken.None);
            })).Append(Task.Run(() => { start.SetResult(); return (IReadOnlyList<int>)[]; })));

            var all = PostgresMigration.All.Select(m => m.Version).ToList();
            Assert.NotEmpty(all);
            Assert.Equal(all, runs.SelectMany(r => r).Order());
            await using var command = first.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
            var recorded = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    recorded.Add(reader.GetInt32(0));
                }
            }

            Assert.Equal(all, recorded);
        }
        finally
        {
            await PostgresCluster.Shared.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_UpToDate_AppliesNothing()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("migrate");
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await Migrator(dataSource).MigrateAsync(CancellationToken.None);

            Assert.Empty(await Migrator(dataSource).MigrateAsync(CancellationToken.None));
        }
        finally
        {
            await PostgresCluster.Shared.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void All_FromEmbeddedFiles_VersionsStrictlyIncreasing()
    {
        var versions = PostgresMigration.All.Select(m => m.Version).ToList();

        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Distinct().Order(), versions);
        Assert.All(PostgresMigration.All, m => Assert.Matches("CREATE (TABLE|FUNCTION)", m.Sql));
    }

    private static PostgresMigrator Migrator(NpgsqlDataSource dataSource) =>
        new(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance);
}
