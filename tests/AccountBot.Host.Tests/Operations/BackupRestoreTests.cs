using System.Globalization;
using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Files;
using AccountBot.Testing.Processes;
using AccountBot.Testing.Slack;
using AccountBot.Host.Tests.Hosting;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Operations;

/// <summary>
/// <c>backup</c> and <c>restore</c> as an operator runs them, against the real host process while signed Slack
/// requests keep writing: every map whose creation was acknowledged before the backup began is in the restored
/// database, and the maps written during the backup are a gap-free prefix of their sequence (one consistent moment).
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private const string SigningSecret = "backup-restore-signing-secret";
    private const string Team = "T0BACKUP";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("accountbot-backup-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SlackRequestSigner _signer = new(SigningSecret, TimeProvider.System);
    private FakeChatPlatforms _platforms = null!;
    private CrashHostProcess _bot = null!;
    private Uri _address = null!;

    private string LivePath => Path.Combine(_folder, "live", "bot.db");

    private string BackupPath => Path.Combine(_folder, "saved", "backup.db");

    private string RestoredPath => Path.Combine(_folder, "restored", "bot.db");

    public async Task InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        _platforms = await FakeChatPlatforms.StartAsync(deadline.Token);
        _bot = CrashHostProcess.Start(ListenHostProcess.LocateHost(), LivePath, _platforms, SigningSecret);
        _address = await _bot.WaitUntilReadyAsync(_http, deadline.Token);
        Directory.CreateDirectory(Path.GetDirectoryName(BackupPath)!);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _platforms.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task BackupWhileWriting_ThenRestore_HoldsEveryAcknowledgedChangeFromOneMoment()
    {
        using var deadline = new CancellationTokenSource(Patience);
        var before = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await CreateMapAsync($"Before{i:D2}", deadline.Token));
        }

        using var stopWriting = new CancellationTokenSource();
        var during = WriteUntilStoppedAsync(stopWriting.Token, deadline.Token);
        var backup = await OperatorProcess.RunAsync(Settings(LivePath), "backup", BackupPath);
        await stopWriting.CancelAsync();
        var written = await during;
        var restore = await OperatorProcess.RunAsync(Settings(RestoredPath), "restore", BackupPath);

        Assert.True(backup.Code == 0, backup.Output + backup.Error + _bot.OutputTail);
        Assert.StartsWith("Backed up ", backup.Output, StringComparison.Ordinal);
        Assert.True(restore.Code == 0, restore.Output + restore.Error);
        Assert.Contains($"Restored {BackupPath} into {RestoredPath}.", restore.Output, StringComparison.Ordinal);
        var names = await MapNamesInAHostOnAsync(RestoredPath);
        Assert.All(before, name => Assert.Contains(name, names));
        var duringInBackup = names.Where(n => n.StartsWith("During", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written.Take(duringInBackup.Count), duringInBackup);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(BackupPath));
    }

    [Fact]
    public async Task Restore_WhileTheBotHoldsTheDatabase_RefusesAndLeavesItAlone()
    {
        using var deadline = new CancellationTokenSource(Patience);
        await CreateMapAsync("Kept", deadline.Token);
        var backup = await OperatorProcess.RunAsync(Settings(LivePath), "backup", BackupPath);

        var restore = await OperatorProcess.RunAsync(Settings(LivePath), "restore", BackupPath);

        Assert.Equal(0, backup.Code);
        Assert.Equal(1, restore.Code);
        Assert.Contains("held by a running bot: stop it first", restore.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(LivePath)!, "*.before-restore-*"));
    }

    [Fact]
    public async Task Backup_TargetExists_RefusesAndKeepsTheFile()
    {
        await File.WriteAllTextAsync(BackupPath, "precious");

        var backup = await OperatorProcess.RunAsync(Settings(LivePath), "backup", BackupPath);

        Assert.Equal(1, backup.Code);
        Assert.Contains("exists", backup.Error, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(BackupPath));
    }

    private static Dictionary<string, string> Settings(string databasePath) => new()
    {
        ["Storage__LiteDb__Path"] = databasePath,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Creates maps During000, During001, … one after the other until told to stop; returns those acknowledged.</summary>
    private async Task<List<string>> WriteUntilStoppedAsync(CancellationToken stop, CancellationToken deadline)
    {
        var written = new List<string>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            written.Add(await CreateMapAsync(string.Create(CultureInfo.InvariantCulture, $"During{i:D3}"), deadline));
        }

        return written;
    }

    /// <summary><c>/map {name} create</c>, signed as Slack signs it; the map is saved before the 200 comes back.</summary>
    private async Task<string> CreateMapAsync(string name, CancellationToken cancellationToken)
    {
        var fields = SlackPayloads.Command($"{name} create", Team, "U0OPS", "C0OPS", _platforms.SlackResponseUrl.AbsoluteUri);
        using var request = _signer.CreateFormRequest(new Uri(_address, "slack/commands").AbsoluteUri, fields);
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains(name, StringComparison.Ordinal), $"{(int)response.StatusCode} {body}");
        return name;
    }

    private async Task<HashSet<string>> MapNamesInAHostOnAsync(string databasePath)
    {
        using var hosts = new TestHost("restored");
        await using var host = hosts.Create(("Storage:LiteDb:Path", databasePath));
        var store = host.Services.GetRequiredService<IAccountMapStore>();
        var workspace = WorkspaceKey.ForSlack(null, Team);
        var maps = await store.ListAsync(workspace, CancellationToken.None);

        // A map and its history entry are written in one transaction: a backup of one moment has both or neither.
        foreach (var map in maps)
            Assert.NotEmpty(await store.GetHistoryAsync(workspace, map.Id, 1, CancellationToken.None));
        return maps.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }
}
