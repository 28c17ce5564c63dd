using System.Net;
using System.Text.Json;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Operations;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Files;
using AccountBot.Testing.Logging;
using AccountBot.Testing.Postgres;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Operations;

/// <summary>
/// <c>workspace list | export | delete</c> as an operator runs them: on LiteDB with the bot stopped (the command opens the
/// file), with the bot running (through its admin endpoint), and on PostgreSQL next to a running bot.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class WorkspaceCliTests : IDisposable
{
    private static readonly WorkspaceKey Gone = WorkspaceKey.ForSlack(null, "T1");
    private static readonly WorkspaceKey Stays = WorkspaceKey.ForSlack(null, "T2");

    private readonly TestHost hosts = new("workspace-cli");
    private readonly LogRecorder logs = new();

    public void Dispose()
    {
        logs.Dispose();
        hosts.Dispose();
    }

    private string ExportPath => Path.Combine(hosts.Folder, "exports", "t1.json");

    [Fact]
    public async Task ExportListDelete_BotStopped_TheFileHoldsTheWorkspaceOnly_DeleteAsksFirst_TheOtherWorkspaceStays()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ExportPath)!);
        using (var context = new LiteDbContext(hosts.DatabasePath, NullLogger<LiteDbContext>.Instance))
        {
            await SeedAsync(new LiteDbAccountMapStore(context, new FakeTimeProvider(MapBuilder.DefaultTime), NullLogger<LiteDbAccountMapStore>.Instance), new LiteDbWorkspaceInstallationStore(context));
        }

        var export = await RunAsync("workspace", "export", Gone.Value, ExportPath);

        Assert.True(export.Code == CliExitCode.Ok, export.Error);
        Assert.StartsWith($"Exported 3 record(s) of slack:T1 to {ExportPath}", export.Output, StringComparison.Ordinal);
        AssertExportHoldsT1Only(ExportPath);
        if (!OperatingSystem.IsWindows())
            Assert.False(FileModes.ReadableByOthers(ExportPath));

        var again = await RunAsync("workspace", "export", Gone.Value, ExportPath);
        Assert.Equal(CliExitCode.CouldNotRun, again.Code);
        Assert.Contains("exists: name a new file", again.Error, StringComparison.Ordinal);
        AssertExportHoldsT1Only(ExportPath);

        var unconfirmed = await RunAsync("workspace", "delete", Gone.Value);
        Assert.Equal(CliExitCode.BadArguments, unconfirmed.Code);
        Assert.Contains("--yes", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Contains("slack:T1: 1 maps", (await RunAsync("workspace", "list")).Output, StringComparison.Ordinal);

        var delete = await RunAsync("workspace", "delete", Gone.Value, "--yes");

        Assert.True(delete.Code == CliExitCode.Ok, delete.Error);
        Assert.StartsWith("Deleted the data of slack:T1: 1 maps, 1 history entries", delete.Output, StringComparison.Ordinal);
        var list = await RunAsync("workspace", "list");
        Assert.Equal(CliExitCode.Ok, list.Code);
        Assert.Equal($"slack:T2: 1 maps, 1 history entries, 0 channel settings, 0 addresses, 0 digests, 0 idempotency keys, 0 pending imports, 1 installations, 0 notify settings{Environment.NewLine}", list.Output);
    }

    [Fact]
    public async Task List_NothingStored_SaysSoInsteadOfPrintingNothing()
    {
        var list = await RunAsync("workspace", "list");

        Assert.Equal(CliExitCode.Ok, list.Code);
        Assert.Equal($"No workspace holds any data.{Environment.NewLine}", list.Output);
    }

    [Theory]
    [InlineData("workspace", "export", "T1")]
    [InlineData("workspace", "delete")]
    [InlineData("workspace", "delete", "slack:T1", "--force")]
    [InlineData("workspace", "purge", "slack:T1")]
    public async Task Workspace_BadArguments_Exit2WithTheUsage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(CliExitCode.BadArguments, code);
        Assert.Contains("workspace", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAndDelete_WhileTheBotRuns_TheBotDoesThemThroughItsAdminEndpoint()
    {
        await using var bot = hosts.Create(web => web.ConfigureLogging(l => l.AddProvider(logs)), ("Reminders:Enabled", "false"));
        _ = bot.Server;
        await SeedAsync(bot.Services.GetRequiredService<IAccountMapStore>(), bot.Services.GetRequiredService<IWorkspaceInstallationStore>());
        Directory.CreateDirectory(Path.GetDirectoryName(ExportPath)!);

        var export = await RunAsync("workspace", "export", Gone.Value, ExportPath);
        var delete = await RunAsync("workspace", "delete", Gone.Value, "--yes");

        Assert.True(export.Code == CliExitCode.Ok, export.Error);
        AssertExportHoldsT1Only(ExportPath);
        Assert.True(delete.Code == CliExitCode.Ok, delete.Error);
        Assert.Contains("Admin endpoint: POST /workspaces/export", logs.Text, StringComparison.Ordinal);
        Assert.Contains("Admin endpoint: POST /workspaces/delete", logs.Text, StringComparison.Ordinal);
        var maps = bot.Services.GetRequiredService<IAccountMapStore>();
        Assert.Empty(await maps.ListAsync(Gone, CancellationToken.None));
        Assert.Single(await maps.ListAsync(Stays, CancellationToken.None));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("slack:T1's data was deleted (operator)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_WhileTheBotRuns_AsItsOwnProcess_NoErrorLineAboutTheHeldFile()
    {
        await using var bot = hosts.Create(("Reminders:Enabled", "false"));
        _ = bot.Server;
        await SeedAsync(bot.Services.GetRequiredService<IAccountMapStore>(), bot.Services.GetRequiredService<IWorkspaceInstallationStore>());

        var list = await OperatorProcess.RunAsync(new Dictionary<string, string> { ["Storage__LiteDb__Path"] = hosts.DatabasePath }, "workspace", "list");

        // A held file is the normal case on a live bot: the command goes through the bot, and the operator reads no
        // error line or stack trace about the lock on the way.
        Assert.True(list.Code == CliExitCode.Ok, list.Output + list.Error);
        Assert.Contains(Gone.Value, list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot open", list.Output + list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAndDelete_OnPostgres_RunInTheirOwnProcess()
    {
        var connection = await PostgresCluster.Shared.CreateDatabaseAsync("workspacecli");
        try
        {
            await using var bot = hosts.Create(("Storage:Provider", "Postgres"), ("Storage:Postgres:ConnectionString", connection), ("Reminders:Enabled", "false"));
            using (var client = bot.CreateClient())
            using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            await SeedAsync(bot.Services.GetRequiredService<IAccountMapStore>(), bot.Services.GetRequiredService<IWorkspaceInstallationStore>());
            Directory.CreateDirectory(Path.GetDirectoryName(ExportPath)!);
            // The storage provider is chosen while the services are composed: the command runs as its own process.
            var settings = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Postgres",
                ["Storage__Postgres__ConnectionString"] = connection,
                ["Admin__Enabled"] = "false",
            };

            var export = await OperatorProcess.RunAsync(settings, "workspace", "export", Gone.Value, ExportPath);
            var delete = await OperatorProcess.RunAsync(settings, "workspace", "delete", Gone.Value, "--yes");

            Assert.True(export.Code == CliExitCode.Ok, export.Output + export.Error);
            AssertExportHoldsT1Only(ExportPath);
            Assert.True(delete.Code == CliExitCode.Ok, delete.Output + delete.Error);
            Assert.StartsWith("Deleted the data of slack:T1: 1 maps", delete.Output, StringComparison.Ordinal);
            var maps = bot.Services.GetRequiredService<IAccountMapStore>();
            Assert.Empty(await maps.ListAsync(Gone, CancellationToken.None));
            Assert.Single(await maps.ListAsync(Stays, CancellationToken.None));
        }
        finally
        {
            await PostgresCluster.Shared.DropDatabaseAsync(connection);
        }
    }

    private static void AssertExportHoldsT1Only(string path)
    {
        var text = File.ReadAllText(path);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("slack:T1", json.RootElement.GetProperty("workspace").GetString());
        Assert.True(text.Contains("\"Acme\"", StringComparison.Ordinal), text);
        Assert.Contains("T1 Inc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-", text, StringComparison.Ordinal);
    }

    /// <summary>Workspace T1: the map Acme and its installation; T2: Globex and its installation.</summary>
    private static async Task SeedAsync(IAccountMapStore maps, IWorkspaceInstallationStore installations)
    {
        foreach (var (workspace, name) in new[] { (Gone, "Acme"), (Stays, "Globex") })
        {
            var map = MapBuilder.For(workspace).Named(name).Build();
            Assert.Equal(SaveOutcome.Saved, (await maps.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", [])), CancellationToken.None)).Outcome);
            var team = workspace.Value["slack:".Length..];
            await installations.SaveAsync(new WorkspaceInstallation { Key = workspace.Value, TeamId = team, TeamName = team + " Inc", BotToken = "xoxb-" + team }, CancellationToken.None);
        }
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCli.RunAsync(args, output, error, b => b.Configuration["Storage:LiteDb:Path"] = hosts.DatabasePath, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
