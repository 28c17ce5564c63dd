using System.Globalization;

namespace AccountBot.Host.Tests.Hosting;

/// <summary>
/// Where the shipped host listens, started as a real process: ASP.NET Core's precedence is
/// <c>--urls</c> &gt; <c>ASPNETCORE_URLS</c> / <c>ASPNETCORE_HTTP_PORTS</c> &gt; configuration, and nothing in the
/// shipped appsettings.json outranks the platform. "Nothing on 3978" is checked through the banner, which reports the
/// addresses the server really bound, rather than by probing 3978 (another process on the machine may own it).
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task AspNetCoreUrls_IsWhereTheHostListens()
    {
        var port = ListenHostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        await using var host = ListenHostProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address.AbsoluteUri.TrimEnd('/') });

        await host.WaitUntilHealthyAsync(address);

        Assert.Equal([address.AbsoluteUri.TrimEnd('/')], host.ReportedAddresses);
    }

    [Fact]
    public async Task AspNetCoreHttpPorts_IsWhereTheHostListens()
    {
        var port = ListenHostProcess.FreePort();
        await using var host = ListenHostProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture) });

        await host.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{port}/"));

        // HTTP_PORTS binds every interface: Kestrel reports http://[::]:{port}.
        var reported = Assert.Single(host.ReportedAddresses);
        Assert.EndsWith($":{port}", reported, StringComparison.Ordinal);
        Assert.DoesNotContain(host.ReportedAddresses, a => a.EndsWith(":3978", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UrlsArgument_BeatsTheEnvironment()
    {
        var environmentPort = ListenHostProcess.FreePort();
        var argumentPort = ListenHostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{argumentPort}/");
        await using var host = ListenHostProcess.Start(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environmentPort}",
                ["ASPNETCORE_HTTP_PORTS"] = environmentPort.ToString(CultureInfo.InvariantCulture),
            },
            "--urls", address.AbsoluteUri.TrimEnd('/'));

        await host.WaitUntilHealthyAsync(address);

        Assert.Equal([address.AbsoluteUri.TrimEnd('/')], host.ReportedAddresses);
    }
}
