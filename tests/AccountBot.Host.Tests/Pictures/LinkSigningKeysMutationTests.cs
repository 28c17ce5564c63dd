using AccountBot.Pictures;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Logging;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>
/// Where the link signing key comes from (found by mutation testing, round 6): the configured key, else the
/// key file next to the database when it holds a whole key, else a fresh key written there owner-only.
/// </summary>
public sealed class LinkSigningKeysMutationTests : IDisposable
{
    private static readonly byte[] Configured = [.. Enumerable.Range(1, PictureOptions.MinKeyBytes).Select(i => (byte)i)];

    private readonly string root = Path.Combine(Path.GetTempPath(), "accountbot-signing-keys", Guid.NewGuid().ToString("N"));
    private readonly LogRecorder logs = new();

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string KeyFile => Path.Combine(root, "data", LinkSigningKeys.FileName);

    private LinkKeyRing Ring(string? signingKey = null, string database = "data/bot.db", params string[] previous)
    {
        var options = new PictureOptions { SigningKey = signingKey };
        foreach (var key in previous)
        {
            options.PreviousSigningKeys.Add(key);
        }

        var environment = new HostingEnvironment { ContentRootPath = root };
        return new LinkSigningKeys(Options.Create(options), Options.Create(new LiteDbOptions { Path = database }), environment, logs.For<LinkSigningKeys>()).Ring;
    }

    private static byte[] Key(int length, byte seed) => [.. Enumerable.Range(seed, length).Select(i => (byte)i)];

    [Fact]
    public void TryDecode_Base64WithWhitespaceAround_TheBytes() =>
        Assert.Equal(Configured, LinkSigningKeys.TryDecode(" \t" + Convert.ToBase64String(Configured) + "\n "));

    [Fact]
    public void TryDecode_NotBase64_Null() => Assert.Null(LinkSigningKeys.TryDecode("not base64!"));

    [Fact]
    public void Ring_KeyConfigured_ItSignsAndNoFileIsWritten()
    {
        var ring = Ring(Convert.ToBase64String(Configured));

        Assert.Equal(Configured, ring.Current);
        Assert.False(File.Exists(KeyFile));
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Ring_PreviousKeysConfigured_EachFoundByItsId()
    {
        var previous = Key(40, 100);

        var ring = Ring(Convert.ToBase64String(Configured), previous: Convert.ToBase64String(previous));

        Assert.Equal(previous, ring.Find(LinkKeyRing.IdOf(previous)));
        Assert.Equal(Configured, ring.Find(ring.CurrentId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Ring_NoKeyConfiguredAndNoFile_FreshKeyWrittenOwnerOnlyInANewFolderAndLogged(string? signingKey)
    {
        var ring = Ring(signingKey);

        Assert.Equal(PictureOptions.MinKeyBytes, ring.Current.Length);
        Assert.Equal(Convert.ToBase64String(ring.Current), File.ReadAllText(KeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains(KeyFile, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(ring.Current), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ring_FileHoldsAKeyOfExactlyTheMinimumLength_ItIsUsedAndNothingLogged()
    {
        var stored = Key(PictureOptions.MinKeyBytes, 50);
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, Convert.ToBase64String(stored) + "\n");

        var ring = Ring();

        Assert.Equal(stored, ring.Current);
        Assert.Empty(logs.Entries);
    }

    [Theory]
    [InlineData(PictureOptions.MinKeyBytes - 1)]
    [InlineData(0)]
    public void Ring_FileHoldsAShorterKey_ReplacedByAFreshKey(int length)
    {
        var stored = Key(length, 50);
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, Convert.ToBase64String(stored));

        var ring = Ring();

        Assert.Equal(PictureOptions.MinKeyBytes, ring.Current.Length);
        Assert.NotEqual(stored, ring.Current);
        Assert.Equal(Convert.ToBase64String(ring.Current), File.ReadAllText(KeyFile));
        Assert.Single(logs.Entries);
    }

    [Fact]
    public void Ring_FileIsNotBase64_ReplacedWholeByAFreshKey()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, new string('!', 200));

        var ring = Ring();

        Assert.Equal(PictureOptions.MinKeyBytes, ring.Current.Length);
        Assert.Equal(Convert.ToBase64String(ring.Current), File.ReadAllText(KeyFile));
    }

    [Fact]
    public void Ring_DatabaseAtTheFileSystemRoot_KeyKeptInTheContentRoot()
    {
        var ring = Ring(database: Path.GetPathRoot(root)!);

        Assert.Equal(Convert.ToBase64String(ring.Current), File.ReadAllText(Path.Combine(root, LinkSigningKeys.FileName)));
    }
}
