using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Teams.Routing;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using AccountBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Routing;

/// <summary>A real Kestrel host on loopback with the Teams adapter and the given handlers.</summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public static async Task<TeamsTestHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<TeamsActivityRouter> configureRouter,
        string environmentName = "Development",
        Action<WebApplicationBuilder>? configure = null)
    {
        var (app, baseAddress) = await LoopbackServer.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                configure?.Invoke(builder);
                builder.Services.AddTeamsAdapter(builder.Configuration);
                builder.Services.AddSingleton<IBlockedConversationStore>(new InMemoryBlockedConversationStore());
                // The connector fake accepts any token; never ask Entra from a test.
                builder.Services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("test-token"));
            },
            app => app.MapTeamsEndpoints(configureRouter),
            environmentName,
            CancellationToken.None);
        return new TeamsTestHost(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
