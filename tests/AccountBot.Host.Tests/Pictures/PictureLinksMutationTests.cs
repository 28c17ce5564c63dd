using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Pictures;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>
/// The links <see cref="PictureLinks"/> makes (found by mutation testing, round 6): their exact address, the token
/// each carries (kind, version, epoch, lifetime), and when none is made.
/// </summary>
public sealed class PictureLinksMutationTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly AccountMap map = MapBuilder.For(PictureHost.WorkspaceA).Named("Acme Corp").Build();

    private LinkTokenCodec Codec() => new(() => new LinkKeyRing(Key, []), time);

    private PictureLinks Links(string? publicBaseUrl, string? fontDirectory = null)
    {
        var options = Options.Create(new PictureOptions
        {
            PublicBaseUrl = publicBaseUrl,
            FontDirectory = fontDirectory,
            LinkLifetime = TimeSpan.FromDays(3),
            ExportLifetime = TimeSpan.FromMinutes(10),
        });
        return new PictureLinks(options, Codec(), new PictureAvailability(options), time);
    }

    /// <summary>The token of a link of the form {root}/{folder}/{token}{extension}, read back.</summary>
    private LinkToken Token(Uri link, string folder, string extension)
    {
        var prefix = $"https://bot.example.com/{folder}/";
        Assert.StartsWith(prefix, link.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith(extension, link.AbsoluteUri, StringComparison.Ordinal);
        var text = link.AbsoluteUri[prefix.Length..^extension.Length];
        Assert.DoesNotContain('/', text);
        return Codec().Decode(text)!;
    }

    [Theory]
    [InlineData("https://bot.example.com")]
    [InlineData("https://bot.example.com/")]
    public void PictureUrl_EachPicture_ItsKindForTheLinkLifetime(string root)
    {
        var links = Links(root);

        foreach (var picture in Enum.GetValues<MapPicture>())
        {
            var token = Token(links.PictureUrl(map, picture)!, "maps", ".png");

            Assert.Equal(new LinkToken(map.Workspace, map.Id, (LinkKind)(byte)picture, map.Version, map.LinkEpoch, time.GetUtcNow() + TimeSpan.FromDays(3)), token);
        }
    }

    [Fact]
    public void ExportUrl_TheExportKindForTheExportLifetime()
    {
        var token = Token(Links("https://bot.example.com/").ExportUrl(map)!, "exports", ".csv");

        Assert.Equal(new LinkToken(map.Workspace, map.Id, LinkKind.Export, map.Version, map.LinkEpoch, time.GetUtcNow() + TimeSpan.FromMinutes(10)), token);
    }

    [Fact]
    public void HistoryExportUrl_TheHistoryKindForTheExportLifetime()
    {
        var token = Token(Links("https://bot.example.com").HistoryExportUrl(map)!, "exports", ".csv");

        Assert.Equal(new LinkToken(map.Workspace, map.Id, LinkKind.History, map.Version, map.LinkEpoch, time.GetUtcNow() + TimeSpan.FromMinutes(10)), token);
    }

    [Fact]
    public void PictureUrl_FontMissing_NoPictureLinkButExportLinksStill()
    {
        var links = Links("https://bot.example.com", Path.Combine(Path.GetTempPath(), "accountbot-no-fonts", Guid.NewGuid().ToString("N")));

        Assert.Null(links.PictureUrl(map, MapPicture.Grid));
        Assert.NotNull(links.ExportUrl(map));
        Assert.NotNull(links.HistoryExportUrl(map));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Links_NoPublicBaseUrl_None(string? root)
    {
        var links = Links(root);

        Assert.Null(links.PictureUrl(map, MapPicture.Grid));
        Assert.Null(links.ExportUrl(map));
        Assert.Null(links.HistoryExportUrl(map));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://bot.example.com")]
    public void Links_NullMap_ThrowNamingIt(string? root)
    {
        var links = Links(root);

        Assert.Equal("map", Assert.Throws<ArgumentNullException>(() => links.ExportUrl(null!)).ParamName);
        Assert.Equal("map", Assert.Throws<ArgumentNullException>(() => links.HistoryExportUrl(null!)).ParamName);
    }
}
