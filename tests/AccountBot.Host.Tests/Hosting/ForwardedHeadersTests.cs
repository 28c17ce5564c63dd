using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy: <c>X-Forwarded-Proto: https</c> from a trusted proxy makes the request https (so the
/// Slack OAuth state cookie is <c>Secure</c>); the same header from anyone else changes nothing. The in-process host
/// with the connection's remote address set per request, as Kestrel would see the proxy.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly TestHost hosts = new("forwarded");

    public void Dispose() => hosts.Dispose();

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) => hosts.Create(
        [("Slack:SigningSecret", "forwarded-signing-secret-0123456789"), ("Slack:ClientId", "1234.5678"), ("Slack:ClientSecret", "client-secret"), .. settings]);

    private static async Task<string> InstallCookieAsync(WebApplicationFactory<Program> host, string remoteAddress, string forwardedProto = "https")
    {
        var context = await host.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/slack/install";
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("bot.internal");
            http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            http.Request.Headers["X-Forwarded-Host"] = "bot.example.com";
            http.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        return Assert.Single(context.Response.Headers.SetCookie) ?? "";
    }

    private static bool IsSecure(string cookie) =>
        cookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Default_LoopbackProxyForwardingHttps_GetsASecureStateCookie(string proxy)
    {
        await using var host = Host();

        Assert.True(IsSecure(await InstallCookieAsync(host, proxy)));
    }

    [Fact]
    public async Task Default_UnknownAddressForwardingHttps_IsNotBelieved()
    {
        await using var host = Host();

        Assert.False(IsSecure(await InstallCookieAsync(host, "203.0.113.7")));
    }

    [Fact]
    public async Task KnownProxy_ForwardingHttps_GetsASecureStateCookie_AndOthersAreNotBelieved()
    {
        await using var host = Host(("ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        Assert.True(IsSecure(await InstallCookieAsync(host, "10.1.2.3")));
        Assert.False(IsSecure(await InstallCookieAsync(host, "10.1.2.4")));
        Assert.False(IsSecure(await InstallCookieAsync(host, "203.0.113.7")));
    }

    [Fact]
    public async Task KnownNetwork_ForwardingHttps_GetsASecureStateCookie_AndOthersAreNotBelieved()
    {
        await using var host = Host(("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/16"));

        Assert.True(IsSecure(await InstallCookieAsync(host, "10.20.5.6")));
        Assert.False(IsSecure(await InstallCookieAsync(host, "10.21.5.6")));
    }

    [Fact]
    public async Task KnownProxy_ForwardingHttp_StaysNotSecure()
    {
        await using var host = Host(("ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        Assert.False(IsSecure(await InstallCookieAsync(host, "10.1.2.3", forwardedProto: "http")));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.1.2", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.20.0.0", "ForwardedHeaders:KnownNetworks")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/40", "ForwardedHeaders:KnownNetworks")]
    public void Start_InvalidForwardedHeadersSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var host = Host((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
