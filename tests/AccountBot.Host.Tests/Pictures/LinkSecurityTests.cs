using System.Net;
using AccountBot.Core.Views;
using Microsoft.AspNetCore.Mvc.Testing;
using static AccountBot.Host.Tests.Pictures.PictureHost;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>Issue #12 §3: short-lived exports, rotatable signing keys, revoking a map's links.</summary>
public sealed class LinkSecurityTests : IDisposable
{
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private static readonly string UnknownKey = Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray());

    private readonly PictureHost hosts = new("link-security");

    public void Dispose() => hosts.Dispose();

    private static async Task<Uri> PictureLinkAsync(WebApplicationFactory<Program> host) =>
        Relative(Assert.IsType<PictureView>(await SendAsync(host, "map acme corp grid")).ImageUrl!);

    private static async Task<Uri> ExportLinkAsync(WebApplicationFactory<Program> host) =>
        Relative(Assert.IsType<ExportView>(await SendAsync(host, "map acme corp export")).DownloadUrl!);

    private static async Task<HttpStatusCode> GetAsync(WebApplicationFactory<Program> host, Uri link)
    {
        using var client = host.CreateClient();
        return (await client.GetAsync(link)).StatusCode;
    }

    [Fact]
    public async Task GetExport_SignedLink_NotCachedNotSniffed()
    {
        await using var host = hosts.Create();
        await SeedAsync(host, WorkspaceA);
        using var client = host.CreateClient();

        var response = await client.GetAsync(await ExportLinkAsync(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false, MaxAge: null });
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task GetExport_FifteenMinutesOld_NotFound()
    {
        await using var host = hosts.Create();
        await SeedAsync(host, WorkspaceA);
        var link = await ExportLinkAsync(host);

        hosts.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, link));
        hosts.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, link));
    }

    [Fact]
    public async Task GetExport_ExportLifetimeConfigured_LivesThatLong()
    {
        await using var host = hosts.Create(("PublicLinks:ExportLifetime", "00:05:00"));
        await SeedAsync(host, WorkspaceA);
        var link = await ExportLinkAsync(host);

        hosts.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, link));
    }

    [Fact]
    public async Task GetPicture_SignedByPreviousKey_AcceptedWhileConfiguredRefusedOnceRemoved()
    {
        Uri picture, export;
        await using (var before = hosts.Create())
        {
            await SeedAsync(before, WorkspaceA);
            (picture, export) = (await PictureLinkAsync(before), await ExportLinkAsync(before));
        }

        await using (var rotated = hosts.Create(("Pictures:SigningKey", OtherKey), ("Pictures:PreviousSigningKeys:0", Key)))
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync(rotated, picture));
            Assert.Equal(HttpStatusCode.OK, await GetAsync(rotated, export));
            Assert.Equal(HttpStatusCode.OK, await GetAsync(rotated, await PictureLinkAsync(rotated)));
        }

        await using var after = hosts.Create(("Pictures:SigningKey", OtherKey));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(after, picture));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(after, export));
    }

    [Fact]
    public async Task GetPicture_SignedByAKeyNobodyConfigured_NotFound()
    {
        Uri picture;
        await using (var stranger = hosts.Create(("Pictures:SigningKey", UnknownKey)))
        {
            await SeedAsync(stranger, WorkspaceA);
            picture = await PictureLinkAsync(stranger);
        }

        await using var host = hosts.Create(("Pictures:PreviousSigningKeys:0", OtherKey));

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, picture));
    }

    [Fact]
    public async Task LinksReset_LinksIssuedBefore_RefusedLikeExpiredOnes()
    {
        await using var host = hosts.Create();
        await SeedAsync(host, WorkspaceA);
        var picture = await PictureLinkAsync(host);
        var export = await ExportLinkAsync(host);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, picture));

        var reply = Assert.IsType<NoticeView>(await SendAsync(host, "map acme corp links reset"));

        Assert.Equal(Tone.Success, reply.Tone);
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, picture));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(host, export));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, await PictureLinkAsync(host)));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, await ExportLinkAsync(host)));
    }

    [Fact]
    public async Task LinksReset_OtherMapsLinks_KeepWorking()
    {
        await using var host = hosts.Create();
        await SeedAsync(host, WorkspaceA);
        await SeedAsync(host, WorkspaceA, "Globex");
        var globex = Relative(Assert.IsType<PictureView>(await SendAsync(host, "map globex onion")).ImageUrl!);

        await SendAsync(host, "map acme corp links reset");

        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, globex));
    }
}
