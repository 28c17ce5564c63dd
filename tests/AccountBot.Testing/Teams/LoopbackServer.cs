using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Testing.Teams;

/// <summary>Starts a minimal Kestrel app on 127.0.0.1 with a free port and tells its base address.</summary>
public static class LoopbackServer
{
    public static Task<(WebApplication App, Uri BaseAddress)> StartAsync(Action<WebApplication> configure, CancellationToken cancellationToken) =>
        StartAsync(_ => { }, configure, "Production", cancellationToken);

    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        Action<WebApplicationBuilder> configureBuilder, Action<WebApplication> configure, string environmentName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configureBuilder);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configureBuilder(builder);
        var app = builder.Build();
        configure(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
