using System.Net;
using AccountBot.Hosting;
using AccountBot.Tests.Slack;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountBot.Tests.Hosting;

/// <summary>The host on <c>Storage:Provider</c> = Postgres, against the throw-away test cluster.</summary>
public sealed class PostgresHostTests : IAsyncLifetime, IDisposable
{
    private readonly TestHost hosts = new("postgres-host-tests");
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("host");

    public Task DisposeAsync() => PostgresCluster.Shared.DropDatabaseAsync(_connectionString);

    public void Dispose() => hosts.Dispose();

    private (string, string)[] Postgres => [("Storage:Provider", "Postgres"), ("Storage:Postgres:ConnectionString", _connectionString)];

    [Fact]
    public async Task Readyz_Postgres_MigratesTheDatabaseAndWritesNoLiteDbFile()
    {
        await using var host = hosts.Create([.. Postgres.Select(s => (s.Item1, (string?)s.Item2))]);
        using var client = host.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.NotEmpty(await MigrationsAsync());
        Assert.False(File.Exists(hosts.DatabasePath));
    }

    [Fact]
    public async Task SlackCommand_TwoHostsOnOneDatabase_AMapCreatedThroughOneIsShownByTheOther()
    {
        await using var first = await SlackBotHost.StartAsync(settings: Postgres);
        await using var second = await SlackBotHost.StartAsync(settings: Postgres);

        await first.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        var shown = await second.CommandTextAsync("Acme");

        Assert.Contains("Jane Doe", shown, StringComparison.Ordinal);
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM account_maps WHERE workspace = 'slack:T0ACME'");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public void Start_PostgresWithoutConnectionString_FailsNamingTheKey()
    {
        using var host = hosts.Create(("Storage:Provider", "Postgres"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Storage:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownProvider_FailsNamingTheKey()
    {
        using var host = hosts.Create(("Storage:Provider", "Oracle"));

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateCommand_TwiceOnAnEmptyDatabase_AppliesThenFindsItUpToDate()
    {
        string[] args = ["migrate", "--Storage:Provider=Postgres", $"--Storage:Postgres:ConnectionString={_connectionString}"];
        using var output = new StringWriter();
        using var error = new StringWriter();

        var first = await MigrateCli.RunAsync(args, output, error, CancellationToken.None);
        var second = await MigrateCli.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains($"migrate: applied {string.Join(", ", PostgresMigration.All.Select(m => m.Version))};", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("migrate: the schema is up to date", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(PostgresMigration.All.Select(m => m.Version), (await MigrationsAsync()).Order());
    }

    [Fact]
    public async Task MigrateCommand_LiteDbProvider_RefusesWithExitCodeOne()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await MigrateCli.RunAsync(["migrate", "--Storage:Provider=LiteDb"], output, error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("Storage:Provider", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<List<int>> MigrationsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
