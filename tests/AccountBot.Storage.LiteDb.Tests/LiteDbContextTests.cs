using System.Diagnostics;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using LiteDB;

namespace AccountBot.Storage.LiteDb.Tests;

public sealed class LiteDbContextTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Constructor_MissingFolders_CreatesThemAndTheFile()
    {
        var path = Path.Combine(_db.Folder, "a", "b", "bot.db");

        using var context = _db.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(path, context.Path);
        Assert.True(context.Ping());
    }

    [Fact]
    public void Constructor_FileOpenInThisProcess_FailsAsLocked()
    {
        using var first = _db.Open();

        var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open());

        Assert.Equal(LiteDbStartupFailure.Locked, ex.Failure);
        Assert.StartsWith($"Cannot open the AccountBot database at '{_db.Path}': it is locked by another process", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Stop the other AccountBot instance or set Storage:LiteDb:Path to another file.", ex.Message, StringComparison.Ordinal);
        Assert.True(first.Ping());
    }

    [Fact]
    public void Constructor_FileLockedByAnotherProcess_FailsAsLocked()
    {
        using (_db.Open())
        {
            // Create the database and its lock file, then close them.
        }

        // flock(1) holds an exclusive lock on the lock file in a separate process, as a second
        // AccountBot instance would; it prints once it holds the lock.
        using var other = Process.Start(new ProcessStartInfo("flock", ["--exclusive", _db.Path + ".lock", "sh", "-c", "echo locked; exec sleep 120"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.Equal("locked", other.StandardOutput.ReadLine());

            var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open());

            Assert.Equal(LiteDbStartupFailure.Locked, ex.Failure);
            Assert.Contains($"'{_db.Path}': it is locked by another process", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }

        using var after = _db.Open();
        Assert.True(after.Ping());
    }

    [Fact]
    public void Dispose_ThenOpenAgain_Succeeds()
    {
        var first = _db.Open();
        first.Dispose();

        using var second = _db.Open();

        Assert.False(first.Ping());
        Assert.True(second.Ping());
    }

    [Theory]
    [InlineData(16 * 8192)]
    [InlineData(100)]
    public void Constructor_GarbageFile_FailsAsCorruptAndLeavesFileAlone(int length)
    {
        var garbage = new byte[length];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(_db.Path, garbage);

        var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open());

        Assert.Equal(LiteDbStartupFailure.Corrupt, ex.Failure);
        Assert.StartsWith($"Cannot open the AccountBot database at '{_db.Path}': the file is corrupt or is not a LiteDB database", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Restore it from a backup", ex.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(_db.Path));
    }

    [Fact]
    public async Task Constructor_LiteDbHeaderWithGarbagePages_FailsAsCorrupt()
    {
        using (var context = _db.Open())
        {
            await TempDatabase.SaveNewAsync(_db.MapStore(context), MapBuilder.For(WorkspaceKey.ForSlack(null, "T1")).Named("Acme").WithStakeholders(5).Build());
        }

        // Keep LiteDB's header page, overwrite the rest (collections, indexes, data) with noise.
        var bytes = File.ReadAllBytes(_db.Path);
        var noise = new byte[bytes.Length - 8192];
        new Random(7).NextBytes(noise);
        noise.CopyTo(bytes, 8192);
        File.WriteAllBytes(_db.Path, bytes);

        var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open());

        Assert.Equal(LiteDbStartupFailure.Corrupt, ex.Failure);
        Assert.Contains(_db.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ParentIsARegularFile_FailsAsUnwritable()
    {
        var notAFolder = Path.Combine(_db.Folder, "plain-file");
        File.WriteAllText(notAFolder, "not a folder");
        var path = Path.Combine(notAFolder, "accountbot.db");

        var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open(path));

        Assert.Equal(LiteDbStartupFailure.Unwritable, ex.Failure);
        Assert.StartsWith($"Cannot open the AccountBot database at '{path}': the file cannot be created or written", ex.Message, StringComparison.Ordinal);
        Assert.Contains("set Storage:LiteDb:Path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PathIsAFolder_FailsAsUnwritable()
    {
        var ex = Assert.Throws<LiteDbStartupException>(() => _db.Open(_db.Folder));

        Assert.Equal(LiteDbStartupFailure.Unwritable, ex.Failure);
        Assert.Contains($"'{_db.Folder}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the path is a folder, not a file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NewFile_EnsuresIndexes()
    {
        using var context = _db.Open();

        var indexes = context.Database.GetCollection("$indexes").FindAll()
            .Select(d => (Collection: d["collection"].AsString, Name: d["name"].AsString, Unique: d["unique"].AsBoolean))
            .ToList();

        Assert.Contains(("maps", "WorkspaceNameKey", true), indexes);
        Assert.Contains(("maps", "Workspace", false), indexes);
        Assert.Contains(("maps", "LookupKeys", false), indexes);
        Assert.Contains(("maps", "ChannelKeys", false), indexes);
        Assert.Contains(("applied_keys", "AppliedAt", false), indexes);
        Assert.Contains(("blocked_conversations", "Platform", false), indexes);
    }

    [Theory]
    [InlineData("$.LookupKeys[*] ANY = 'slack:T1|acme'", "LookupKeys")]
    [InlineData("$.ChannelKeys[*] ANY = 'slack:T1|C01'", "ChannelKeys")]
    [InlineData("Workspace = 'slack:T1'", "Workspace")]
    [InlineData("WorkspaceNameKey = 'slack:T1|acme'", "WorkspaceNameKey")]
    public void Query_StoreFilters_UseAnIndex(string where, string index)
    {
        using var context = _db.Open();

        var plan = context.Database.Execute($"EXPLAIN SELECT $ FROM maps WHERE {where}").ToEnumerable().Single();

        Assert.Equal(index, plan["index"]["name"].AsString);
    }

    [Fact]
    public async Task Save_DifferentCaseWorkspaces_AreDifferentKeys()
    {
        // Slack ids are case-sensitive; the file's binary collation must not fold them.
        using var context = _db.Open();
        var store = _db.MapStore(context);
        await TempDatabase.SaveNewAsync(store, MapBuilder.For(WorkspaceKey.ForSlack(null, "Tabc")).Named("Acme").Build());

        var result = await store.SaveAsync(NewMap(WorkspaceKey.ForSlack(null, "TABC"), "Acme"), CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
    }

    private static MapWrite NewMap(WorkspaceKey workspace, string name)
    {
        var map = MapBuilder.For(workspace).Named(name).Build();
        return new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", []));
    }
}
