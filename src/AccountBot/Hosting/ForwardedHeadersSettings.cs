using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AccountBot.Hosting;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g.
/// <c>10.0.0.0/8</c>): the reverse proxies whose <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-Host</c> are believed, so behind a TLS-terminating proxy a request is https with the host the user
/// asked for. Both empty (the default): only loopback is trusted (<c>127.0.0.0/8</c>, <c>::1</c>), as in ASP.NET Core.
/// Setting either replaces loopback: the lists are then exactly who is trusted. Headers from anyone else are ignored.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];

    public static void Configure(IServiceCollection services)
    {
        services.AddValidatedOptions<ForwardedHeadersSettings>(Section, Validate);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => Apply(options, settings.Value));
    }

    private static void Apply(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        if (settings.KnownProxies.Count == 0 && settings.KnownNetworks.Count == 0)
            return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
                options.KnownProxies.Add(address);
        }

        foreach (var network in settings.KnownNetworks)
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed))
                options.KnownIPNetworks.Add(parsed);
        }
    }

    private static IEnumerable<string> Validate(ForwardedHeadersSettings settings)
    {
        foreach (var proxy in settings.KnownProxies)
        {
            if (!IsIpAddress(proxy))
                yield return $"{Section}:KnownProxies '{proxy}' is not an IP address (e.g. 10.0.0.5 or fd00::5).";
        }

        foreach (var network in settings.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
                yield return $"{Section}:KnownNetworks '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8 or fd00::/8).";
        }
    }

    // IPAddress.TryParse also takes "10.1.2" (as 10.1.0.2) and a bare number: only dotted quads and IPv6 are meant.
    private static bool IsIpAddress(string value) =>
        IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3);
}
