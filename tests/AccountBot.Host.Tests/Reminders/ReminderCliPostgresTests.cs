using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Reminders;
using AccountBot.Storage.Postgres;
using AccountBot.Host.Tests.Operations;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

using AccountBot.Operations;

namespace AccountBot.Host.Tests.Reminders;

/// <summary>
/// <c>reminders preview|run-now</c> on PostgreSQL while a bot runs on the same database: there is no file lock to defer
/// to, so the command runs in its own process against the database (run-now's claims are the outbox's row-level
/// compare-and-set, the same that keeps two instances' schedulers from sending one digest twice).
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class ReminderCliPostgresTests : IAsyncLifetime, IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");

    private readonly TestHost hosts = new("reminders-cli-postgres");
    private readonly FakeTimeProvider time = new(MapBuilder.DefaultTime);
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("reminders");

    public Task DisposeAsync() => PostgresCluster.Shared.DropDatabaseAsync(_connectionString);

    public void Dispose() => hosts.Dispose();

    [Fact]
    public async Task PreviewAndRunNow_WhileTheBotRunsOnTheSameDatabase_RunInTheirOwnProcess()
    {
        // The running bot migrates the database; its scheduler is off so nothing else queues this week's digests.
        await using var bot = hosts.Create(("Storage:Provider", "Postgres"), ("Storage:Postgres:ConnectionString", _connectionString), ("Reminders:Enabled", "false"));
        using var client = bot.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await SeedAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = _connectionString,
            ["Admin__Enabled"] = "false",
        };

        var preview = await OperatorProcess.RunAsync(settings, "reminders", "preview", "--at", "2026-12-07T09:00Z");
        var run = await OperatorProcess.RunAsync(settings, "reminders", "run-now", "--channel", "C9");

        Assert.True(preview.Code == CliExitCode.Ok, preview.Output + preview.Error);
        Assert.Contains("digest slack:T1 #deals (C1) slack:T1|C1|2026-W50: 1 account(s)", preview.Output, StringComparison.Ordinal);
        Assert.Contains("2 digest(s) would be sent, 0 week(s) settled, 0 already queued.", preview.Output, StringComparison.Ordinal);
        Assert.True(run.Code == CliExitCode.Ok, run.Output + run.Error);
        Assert.Contains("0 sent, 0 to retry, 0 failed, 0 unknown, 0 settled.", run.Output, StringComparison.Ordinal);
        using var live = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task SeedAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        var store = new PostgresAccountMapStore(dataSource, time, NullLogger<PostgresAccountMapStore>.Instance);
        var acme = MapBuilder.For(Workspace).Named("Acme").OwnedBy(new UserRef("U2", "Bo Seller")).LinkedTo("C1", "deals").LinkedTo("C2", "emea").Build();
        await store.SaveAsync(new MapWrite(acme, new HistoryEntry(acme.Id, 1, acme.Created.At, acme.Created.By, "created", [])), CancellationToken.None);
    }
}
