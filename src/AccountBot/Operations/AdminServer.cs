using System.Net;
using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AccountBot.Operations;

/// <summary>
/// The admin endpoint: a second, minimal Kestrel server inside the bot's process, bound to 127.0.0.1 only, so the
/// public listener (wherever <c>--urls</c> or <c>ASPNETCORE_URLS</c> put it) never serves admin routes and the
/// platform's listen settings keep their precedence. Its token is written to <see cref="AdminEndpointFile"/> once it
/// listens and deleted when it stops. It has no logging of its own: only <see cref="AdminRequests"/> logs, never the token.
/// </summary>
internal sealed class AdminServer(
    IOptions<AdminOptions> options,
    IOptions<LiteDbOptions> storage,
    IConfiguration configuration,
    IHostEnvironment environment,
    AdminRequests requests,
    ILogger<AdminServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private string? _databasePath;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            OperationsLog.AdminDisabled(logger);
            return;
        }

        if (StorageSelection.Provider(configuration) == StorageProvider.Postgres)
        {
            // Several instances share the database and operator commands connect to it themselves: nothing to relay.
            OperationsLog.AdminNotNeeded(logger);
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(AdminServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Value.Port);
            kestrel.Limits.MaxRequestBodySize = AdminRequests.MaxBodyBytes;
        });
        var app = builder.Build();
        var token = AdminEndpointFile.NewToken();
        app.Run(context => requests.HandleAsync(context, token));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var file = new AdminEndpointFile(new Uri(address.TrimEnd('/') + "/"), token);
        _databasePath = Path.GetFullPath(storage.Value.Path, environment.ContentRootPath);
        file.Write(_databasePath);
        OperationsLog.AdminListening(logger, file.Address, AdminEndpointFile.PathFor(_databasePath));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_databasePath is not null)
        {
            File.Delete(AdminEndpointFile.PathFor(_databasePath));
            _databasePath = null;
        }

        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
