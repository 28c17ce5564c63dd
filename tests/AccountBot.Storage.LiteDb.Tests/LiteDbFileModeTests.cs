using System.Runtime.Versioning;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Files;
using AccountBot.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The database holds every workspace's maps and Slack tokens: no other user of the machine may read it.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LiteDbFileModeTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly LogRecorder _log = new();

    public void Dispose() => _db.Dispose();

    [UnixFact]
    public async Task Constructor_MissingFolder_CreatesFolderAndFilesOwnerOnly()
    {
        var folder = Path.Combine(_db.Folder, "state", "data");
        var path = Path.Combine(folder, "bot.db");

        using (var context = _db.Open(path))
        {
            await SaveMapAsync(context);
        }

        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(folder));
        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(folder)!));
        Assert.Equal(FileModes.OwnerOnlyFile, File.GetUnixFileMode(path));
        Assert.Equal(FileModes.OwnerOnlyFile, File.GetUnixFileMode(path + ".lock"));
    }

    [UnixFact]
    public async Task Constructor_CompanionFilesWhileOpen_NoneReadableByOthers()
    {
        var path = Path.Combine(_db.Folder, "state", "bot.db");
        using var context = _db.Open(path);
        await SaveMapAsync(context);

        // LiteDB's own files (the -log write-ahead file, sort files) are created by LiteDB at any time.
        var files = Directory.GetFiles(Path.GetDirectoryName(path)!);

        Assert.Contains(files, f => f.EndsWith("bot-log.db", StringComparison.Ordinal));
        Assert.All(files, f => Assert.False(FileModes.ReadableByOthers(f), f));
    }

    [UnixFact]
    public async Task Constructor_ExistingFolderAndFileReadableByOthers_TightensThemAndSaysSo()
    {
        using (var context = _db.Open())
        {
            await SaveMapAsync(context);
        }

        File.SetUnixFileMode(_db.Folder, FileModes.OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(_db.Path, FileModes.OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (_db.Open(logger: _log.For<LiteDbContext>()))
        {
            Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(_db.Folder));
            Assert.Equal(FileModes.OwnerOnlyFile, File.GetUnixFileMode(_db.Path));
        }

        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains(_db.Folder, StringComparison.Ordinal) && m.Contains("rwxr-xr-x", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains(_db.Path, StringComparison.Ordinal) && m.Contains("rw-r--r--", StringComparison.Ordinal));
    }

    [UnixFact]
    public void Constructor_ExistingOwnerOnlyFolder_LeavesItAndSaysNothing()
    {
        File.SetUnixFileMode(_db.Folder, FileModes.OwnerOnlyFolder);

        using (_db.Open(logger: _log.For<LiteDbContext>()))
        {
        }

        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(_db.Folder));
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [UnixFact]
    public async Task Constructor_SharedStickyFolder_LeavesTheFolderAloneButKeepsTheFilesOwnerOnly()
    {
        // Like /tmp: everyone's files live there, so closing it would break other programs.
        var shared = Path.Combine(_db.Folder, "shared");
        Directory.CreateDirectory(shared);
        var everyone = UnixFileMode.StickyBit | FileModes.OwnerOnlyFolder | FileModes.GroupOrOther;
        File.SetUnixFileMode(shared, everyone);
        var path = Path.Combine(shared, "bot.db");

        using (var context = _db.Open(path, _log.For<LiteDbContext>()))
        {
            await SaveMapAsync(context);

            // Here the folder protects nothing: every file LiteDB writes must be owner-only itself.
            var files = Directory.GetFiles(shared);
            Assert.Contains(files, f => f.EndsWith("bot-log.db", StringComparison.Ordinal));
            Assert.All(files, f => Assert.Equal(FileModes.OwnerOnlyFile, File.GetUnixFileMode(f)));
        }

        Assert.Equal(everyone, File.GetUnixFileMode(shared));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(shared, StringComparison.Ordinal) && e.Message.Contains("folder of their own", StringComparison.Ordinal));
    }

    private async Task SaveMapAsync(LiteDbContext context) =>
        await TempDatabase.SaveNewAsync(_db.MapStore(context), MapBuilder.For(WorkspaceKey.ForSlack(null, "T1")).Named("Acme").WithStakeholders(3).Build());
}
