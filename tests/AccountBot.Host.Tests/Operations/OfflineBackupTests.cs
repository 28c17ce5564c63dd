using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Operations;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Operations;

/// <summary><c>backup</c> and <c>restore</c> with the bot stopped: the command opens the database itself.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class OfflineBackupTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private readonly TestHost hosts = new("offline-backup");

    public void Dispose() => hosts.Dispose();

    private string BackupPath => Path.Combine(hosts.Folder, "saved.db");

    private async Task AddMapAsync(string name)
    {
        Directory.CreateDirectory(hosts.Folder);
        using var context = new LiteDbContext(hosts.DatabasePath, NullLogger<LiteDbContext>.Instance);
        var store = new LiteDbAccountMapStore(context, new FakeTimeProvider(MapBuilder.DefaultTime), NullLogger<LiteDbAccountMapStore>.Instance);
        var map = MapBuilder.For(Workspace).Named(name).Build();
        await store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", [])), CancellationToken.None);
    }

    private async Task<List<string>> MapNamesAsync(string path)
    {
        using var context = new LiteDbContext(path, NullLogger<LiteDbContext>.Instance);
        var store = new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance);
        return [.. (await store.ListAsync(Workspace, CancellationToken.None)).Select(m => m.Name).Order(StringComparer.Ordinal)];
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCli.RunAsync(args, output, error, b => b.Configuration["Storage:LiteDb:Path"] = hosts.DatabasePath, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task BackupThenRestore_BotStopped_OldDatabaseMovedAsideBackupInPlace()
    {
        await AddMapAsync("Acme");
        var backup = await RunAsync("backup", BackupPath);
        await AddMapAsync("Globex");

        var restore = await RunAsync("restore", BackupPath);

        Assert.True(backup.Code == CliExitCode.Ok, backup.Error);
        Assert.True(restore.Code == CliExitCode.Ok, restore.Error);
        Assert.Equal(["Acme"], await MapNamesAsync(hosts.DatabasePath));
        var aside = Assert.Single(Directory.GetFiles(hosts.Folder, "bot.db.before-restore-*"));
        Assert.Contains($"The database it replaced is at {aside}.", restore.Output, StringComparison.Ordinal);
        Assert.Equal(["Acme", "Globex"], await MapNamesAsync(aside));
        Assert.Contains("Data Protection key ring", restore.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_NoDatabase_Exit1AndCreatesNothing()
    {
        var (code, _, error) = await RunAsync("backup", BackupPath);

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains($"there is no database at {hosts.DatabasePath}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(hosts.DatabasePath));
        Assert.False(File.Exists(BackupPath));
    }

    [Fact]
    public async Task Restore_NotALiteDbFile_Exit1AndTheDatabaseIsUntouched()
    {
        await AddMapAsync("Acme");
        await File.WriteAllTextAsync(BackupPath, "this is not a database at all, just some text long enough");

        var (code, _, error) = await RunAsync("restore", BackupPath);

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("not a LiteDB database", error, StringComparison.Ordinal);
        Assert.Equal(["Acme"], await MapNamesAsync(hosts.DatabasePath));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("backup", "a.db", "b.db")]
    [InlineData("doctor", "now")]
    public async Task BadArguments_UsageAndExit2(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(CliExitCode.BadArguments, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
