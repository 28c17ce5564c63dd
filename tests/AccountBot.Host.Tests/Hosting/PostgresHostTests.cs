using System.Net;
using AccountBot.Hosting;
using AccountBot.Host.Tests.Slack;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Logging;
using AccountBot.Testing.Postgres;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountBot.Host.Tests.Hosting;

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
    public async Task SlackEvent_RetryReachingTheOtherHost_HandledOnce()
    {
        var secondLogs = new LogRecorder();
        await using var first = await SlackBotHost.StartAsync(settings: Postgres);
        await using var second = await SlackBotHost.StartAsync(s => s.AddSingleton<ILoggerProvider>(secondLogs), Postgres);
        await first.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var original = first.Signer.CreateJsonRequest("/slack/events", SlackPayloads.AppMention("<@U0BOT> map Acme", "Ev0ONCE"));
        using var retry = second.Signer.CreateJsonRequest("/slack/events", SlackPayloads.AppMention("<@U0BOT> map Acme", "Ev0ONCE"));
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");

        using (await first.Client.SendAsync(original, timeout.Token)) { }
        await first.Api.WaitForCallsAsync("chat.postMessage", 1, timeout.Token);
        using var retried = await second.Client.SendAsync(retry, timeout.Token);

        // The decision is made (and logged) before the ack, so it is known once the answer is in.
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("Slack event Ev0ONCE is a retry (attempt 1, http_timeout); already handled", secondLogs.Text, StringComparison.Ordinal);
        Assert.Single(first.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SlackCommand_AMapChangedThroughAnotherHost_IsShownWithTheChangeAtOnce()
    {
        await using var first = await SlackBotHost.StartAsync(settings: Postgres);
        await using var second = await SlackBotHost.StartAsync(settings: Postgres);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = new AppliedChanges(first.Factory.Services.GetRequiredService<PostgresMapChangeListener>());
        await changes.ListeningAsync(timeout.Token);
        await first.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        var before = await first.CommandTextAsync("Acme");

        // The write bumps the stored version, so the first host's kept rendering (keyed by version) is not asked for.
        // The first host trusts what it keeps while its listener is connected: "at once" is once the listener has
        // applied the other host's commit (docs/POSTGRES.md, how stale a read can be), milliseconds on a healthy server.
        await second.SeedAsync("T0ACME", "Acme", ["John Roe"]);
        var changed = await second.FindMapAsync("T0ACME", "Acme");
        await changes.AppliedAsync(changed!.Id, changed.Version, timeout.Token);
        var after = await first.CommandTextAsync("Acme");

        Assert.DoesNotContain("John Roe", before, StringComparison.Ordinal);
        Assert.Contains("John Roe", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PostgresWithoutConnectionString_FailsNamingTheKey()
    {
        using var host = hosts.Create(("Storage:Provider", "Postgres"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Storage:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NegativeMapCacheSize_FailsNamingTheKey()
    {
        using var host = hosts.Create([.. Postgres.Select(s => (s.Item1, (string?)s.Item2)), ("Storage:Postgres:MapCacheSize", "-1")]);

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Storage:Postgres:MapCacheSize", error.Message, StringComparison.Ordinal);
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

    /// <summary>What a host's change listener has applied, to wait on instead of sleeping.</summary>
    private sealed class AppliedChanges
    {
        private readonly PostgresMapChangeListener _listener;
        private readonly List<PostgresMapChange> _applied = [];
        private readonly SemaphoreSlim _changed = new(0);
        private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AppliedChanges(PostgresMapChangeListener listener)
        {
            _listener = listener;
            listener.Listening += () => _listening.TrySetResult();
            listener.ChangeApplied += change =>
            {
                lock (_applied)
                    _applied.Add(change);
                _changed.Release();
            };
        }

        public Task ListeningAsync(CancellationToken cancellationToken) =>
            _listener.BackendProcessId != 0 ? Task.CompletedTask : _listening.Task.WaitAsync(cancellationToken);

        public async Task AppliedAsync(Guid mapId, int version, CancellationToken cancellationToken)
        {
            while (true)
            {
                lock (_applied)
                {
                    if (_applied.Any(c => c.MapId == mapId && c.Version >= version))
                        return;
                }

                await _changed.WaitAsync(cancellationToken);
            }
        }
    }
}
