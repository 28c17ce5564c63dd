using System.Runtime.Versioning;
using System.Text;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Slack.Installations;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Files;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Hosting;

/// <summary>
/// What an attacker who copies the database (a backup, a stray file permission) gets: no Slack bot token, and on
/// Unix nothing at all unless they are the bot's user.
/// </summary>
[Collection(HostBuildingCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class DataAtRestTests : IDisposable
{
    private readonly TestHost _hosts = new("at-rest");

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task SlackToken_SavedThroughTheHost_NeverInTheDatabaseFiles_AndReadBackAfterRestart()
    {
        var token = NewToken();
        await using (var host = SlackHost())
        {
            await Installations(host).SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = token }, CancellationToken.None);
        }

        AssertNoFileHolds(token);
        await using var restarted = SlackHost();
        Assert.Equal(token, (await Installations(restarted).FindAsync(new SlackTeamKey(null, "T0ACME"), CancellationToken.None))?.BotToken);
    }

    [Fact]
    public async Task SlackToken_StoredInPlainTextByAnEarlierVersion_EncryptedAtStartup()
    {
        var token = NewToken();
        await WriteTheOldWayAsync(new WorkspaceInstallation { Key = "slack:T0OLD", TeamId = "T0OLD", TeamName = "Old Co", BotToken = token });
        Assert.Contains(token, Encoding.UTF8.GetString(File.ReadAllBytes(_hosts.DatabasePath)), StringComparison.Ordinal);

        LiteDbContext database;
        await using (var host = SlackHost())
        {
            database = host.Services.GetRequiredService<LiteDbContext>(); // start-up alone, no request
        }

        // The factory's dispose can return while the app's own Run is still closing the file on another thread;
        // this returns once the file is checkpointed and closed.
        database.Dispose();
        AssertNoFileHolds(token);
        await using var restarted = SlackHost();
        var found = await Installations(restarted).FindAsync(new SlackTeamKey(null, "T0OLD"), CancellationToken.None);
        Assert.Equal(token, found?.BotToken);
        Assert.Equal("Old Co", found?.TeamName);
    }

    [UnixFact]
    public async Task Database_CreatedByTheHost_FolderAndFileOwnerOnly()
    {
        await using (var host = _hosts.Create())
        {
            _ = host.Services;
        }

        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(_hosts.Folder));
        Assert.Equal(FileModes.OwnerOnlyFile, File.GetUnixFileMode(_hosts.DatabasePath));
    }

    [UnixFact]
    public async Task KeyRing_ByDefault_InAnOwnerOnlyFolderNextToTheDatabase()
    {
        await using (var host = SlackHost())
        {
            await Installations(host).SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = NewToken() }, CancellationToken.None);
        }

        var keys = Path.Combine(_hosts.Folder, "keys");
        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(keys));
        var keyFiles = Directory.GetFiles(keys, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.False(FileModes.ReadableByOthers(f), f));
    }

    [UnixFact]
    public async Task KeyRing_KeysPathSet_KeptThereOwnerOnly()
    {
        var ring = Path.Combine(_hosts.Folder, "secrets", "ring");
        await using (var host = SlackHost(("DataProtection:KeysPath", ring)))
        {
            await Installations(host).SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = NewToken() }, CancellationToken.None);
        }

        Assert.Equal(FileModes.OwnerOnlyFolder, File.GetUnixFileMode(ring));
        Assert.NotEmpty(Directory.GetFiles(ring, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(_hosts.Folder, "keys")));
    }

    [Fact]
    public void KeyRing_KeysPathIsAFile_StartFailsNamingTheKey()
    {
        Directory.CreateDirectory(_hosts.Folder);
        var file = Path.Combine(_hosts.Folder, "ring.txt");
        File.WriteAllText(file, "not a folder");
        using var host = SlackHost(("DataProtection:KeysPath", file));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("DataProtection:KeysPath", error.Message, StringComparison.Ordinal);
    }

    private static string NewToken() => "xoxb-4242-" + Guid.NewGuid().ToString("N");

    private static ISlackInstallationStore Installations(WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<ISlackInstallationStore>();

    /// <summary>OAuth mode: installations are kept in the database (single-workspace mode keeps none).</summary>
    private WebApplicationFactory<Program> SlackHost(params (string Key, string? Value)[] settings) =>
        _hosts.Create([
            ("Slack:SigningSecret", "at-rest-signing-secret"),
            ("Slack:ClientId", "1234.5678"),
            ("Slack:ClientSecret", "client-secret"),
            ("Slack:RedirectUri", "https://bot.example/slack/oauth/callback"),
            .. settings,
        ]);

    /// <summary>What versions before encryption did: the token as it came, straight into the database.</summary>
    private async Task WriteTheOldWayAsync(WorkspaceInstallation installation)
    {
        using var context = new LiteDbContext(_hosts.DatabasePath, NullLogger<LiteDbContext>.Instance);
        await new LiteDbWorkspaceInstallationStore(context).SaveAsync(installation, CancellationToken.None);
    }

    /// <summary>Reads every file the bot left (database, LiteDB's companions, key ring) as raw bytes, after it closed them.</summary>
    private void AssertNoFileHolds(string token)
    {
        // The .lock file is empty by design (its flock is what matters) and reading it collides with that lock.
        var files = Directory.GetFiles(_hosts.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToList();
        Assert.Contains(_hosts.DatabasePath, files);
        Assert.All(files, f => Assert.DoesNotContain(token, ReadIfStillThere(f), StringComparison.Ordinal));
    }

    /// <summary>LiteDB deletes its emptied <c>-log</c> file when it closes; a file gone by the time it is read holds nothing.</summary>
    private static string ReadIfStillThere(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }
}
