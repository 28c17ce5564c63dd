using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Pictures;
using AccountBot.Testing.Builders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AccountBot.Host.Tests.Pictures.PictureHost;

namespace AccountBot.Host.Tests.Pictures;

public sealed class PictureEndpointTests : IDisposable
{
    private readonly PictureHost hosts = new("picture-tests");

    public void Dispose() => hosts.Dispose();

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) => hosts.Create(settings);

    private static IPictureLinks Links(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<IPictureLinks>();

    [Fact]
    public async Task GetPicture_SignedLink_PngWithCacheHeaders()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Links(host).PictureUrl(map, MapPicture.Grid)!;

        var response = await client.GetAsync(Relative(link));

        Assert.StartsWith("https://bot.example.com/maps/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith(".png", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 300, Public: false });
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        using var again = new HttpRequestMessage(HttpMethod.Get, Relative(link));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task PictureCommand_ThroughTheDispatcher_LinkServesThePng()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        await SeedAsync(host, WorkspaceA);
        
        var view = Assert.IsType<Core.Views.PictureView>(await SendAsync(host, "map acme corp org"));
        var response = await client.GetAsync(Relative(view.ImageUrl!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPicture_EveryByteFlipped_NotFound()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Links(host).PictureUrl(map, MapPicture.Onion)!;
        var token = link.Segments[^1][..^".png".Length];
        var bytes = WebEncoders.Base64UrlDecode(token);

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            var response = await client.GetAsync(new Uri($"/maps/{WebEncoders.Base64UrlEncode(tampered)}.png", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Flipping byte {i} still served the picture.");
        }
    }

    [Theory]
    [InlineData("/maps/abc.png")]
    [InlineData("/maps/.png")]
    [InlineData("/maps/ab%20c%C3%A9.png")]
    [InlineData("/maps/00000000-0000-0000-0000-000000000000.png")]
    public async Task GetPicture_Malformed_NotFound(string path)
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPicture_LongTokenOfJunk_NotFound()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri($"/maps/{new string('A', 4000)}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPicture_Expired_NotFound()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Links(host).PictureUrl(map, MapPicture.Raci)!;

        hosts.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Relative(link))).StatusCode);
        hosts.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Relative(link))).StatusCode);
    }

    [Fact]
    public async Task GetPicture_TokenOfAnotherWorkspace_NeverReachesTheMap()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);

        // A validly signed link that names workspace B with workspace A's map id.
        var link = Links(host).PictureUrl(map with { Workspace = WorkspaceB }, MapPicture.Grid)!;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Relative(link))).StatusCode);
    }

    [Fact]
    public async Task GetPicture_OlderVersion_ShowsTheMapAsItIsNow()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var links = Links(host);
        var old = await client.GetAsync(Relative(links.PictureUrl(map, MapPicture.Grid)!));
        var store = host.Services.GetRequiredService<IAccountMapStore>();
        var change = map.AddStakeholder(StakeholderBuilder.Named("Zed New").WithScores(5, 5).Build(), new Stamp(hosts.Time.GetUtcNow(), map.Owner));
        await store.SaveAsync(change, CancellationToken.None);

        var now = await client.GetAsync(Relative(links.PictureUrl(map, MapPicture.Grid)!));

        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.NotEqual(old.Headers.ETag, now.Headers.ETag);
        Assert.NotEqual(await old.Content.ReadAsByteArrayAsync(), await now.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetExport_SignedLink_CsvAttachment()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var links = Links(host);
        var link = links.ExportUrl(map)!;

        var response = await client.GetAsync(Relative(link));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("acme-corp-stakeholders.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Person 008", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A picture token is not an export token, and the other way round.
        var picture = links.PictureUrl(map, MapPicture.Grid)!.Segments[^1].Replace(".png", ".csv", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/exports/" + picture, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task GetHistoryExport_SignedLink_HistoryCsv_AndNeverAPicture()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var map = await SeedAsync(host, WorkspaceA);
        var link = Links(host).HistoryExportUrl(map)!;

        var response = await client.GetAsync(Relative(link));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme-corp-history.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("Version,At (UTC)", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        // A history token is neither a picture token nor a stakeholder export.
        var asPicture = link.Segments[^1].Replace(".csv", ".png", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/maps/" + asPicture, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Person 008", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_WithoutPublicBaseUrl_None()
    {
        await using var host = Host(("PublicBaseUrl", ""));
        using var client = host.CreateClient();

        var links = Links(host);

        var map = MapBuilder.For(WorkspaceA).Build();

        Assert.Null(links.PictureUrl(map, MapPicture.Grid));
        Assert.Null(links.ExportUrl(map));
    }

    [Fact]
    public async Task SigningKey_NotConfigured_GeneratedOnceAndKeptNextToTheDatabase()
    {
        Uri first;
        var map = MapBuilder.For(WorkspaceA).Build();
        await using (var host = Host(("Pictures:SigningKey", "")))
        {
            using var client = host.CreateClient();
            first = Links(host).PictureUrl(map, MapPicture.Grid)!;
        }

        var file = Path.Combine(hosts.Folder, LinkSigningKeys.FileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using (var host = Host(("Pictures:SigningKey", "")))
        {
            using var client = host.CreateClient();
            var codec = host.Services.GetRequiredService<LinkTokenCodec>();
            Assert.Equal(map.Id, codec.Decode(first.Segments[^1][..^4])?.MapId);
        }
    }

    [Theory]
    [InlineData("PublicBaseUrl", "http://bot.example.com", "PublicBaseUrl")]
    [InlineData("PublicBaseUrl", "bot.example.com", "PublicBaseUrl")]
    [InlineData("Pictures:SigningKey", "c2hvcnQ=", "Pictures:SigningKey")]
    [InlineData("Pictures:SigningKey", "not base64!", "Pictures:SigningKey")]
    [InlineData("Pictures:PreviousSigningKeys:0", "c2hvcnQ=", "Pictures:PreviousSigningKeys:0")]
    [InlineData("PublicLinks:ExportLifetime", "00:00:00", "PublicLinks:ExportLifetime")]
    [InlineData("PublicLinks:ExportLifetime", "2.00:00:00", "PublicLinks:ExportLifetime")]
    public void Start_InvalidPictureOption_FailsNamingTheKey(string key, string value, string named)
    {
        using var host = Host((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpLocalhost_Allowed()
    {
        await using var host = Host(("PublicBaseUrl", "http://localhost:3978"));
        using var client = host.CreateClient();

        var link = Links(host).PictureUrl(MapBuilder.For(WorkspaceA).Build(), MapPicture.Org);

        Assert.StartsWith("http://localhost:3978/maps/", link?.AbsoluteUri, StringComparison.Ordinal);
    }
}
