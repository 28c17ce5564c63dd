using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Workspaces;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Routing;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>The Slack endpoints on 127.0.0.1 (free port) with test listeners, a fake Web API and a controllable clock.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string ClientId = "1234.5678";
    public const string ClientSecret = "client-secret-abc";

    private SlackTestHost(WebApplication app, FakeSlackApi api, FakeTimeProvider time, InMemorySlackInstallationStore store, FakeLogCollector logs)
    {
        Logs = logs;
        App = app;
        Api = api;
        Time = time;
        Store = store;
        Signer = new SlackRequestSigner(SigningSecret, time);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }
    public FakeSlackApi Api { get; }
    public FakeTimeProvider Time { get; }
    public InMemorySlackInstallationStore Store { get; }
    public SlackRequestSigner Signer { get; }
    public HttpClient Client { get; }
    public FakeLogCollector Logs { get; }
    public bool Mapped { get; private set; }

    /// <summary>What the endpoints reported about the app's installations (uninstall, reinstall).</summary>
    public RecordingWorkspaceLifecycle Lifecycle => (RecordingWorkspaceLifecycle)App.Services.GetRequiredService<IWorkspaceLifecycle>();

    public static async Task<SlackTestHost> StartAsync(Action<SlackListenerRegistry> listeners, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = await FakeSlackApi.StartAsync(time);
        var store = new InMemorySlackInstallationStore();
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ClientId"] = ClientId,
            ["Slack:ClientSecret"] = ClientSecret,
            ["Slack:RedirectUri"] = "https://bot.example/slack/oauth/callback",
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var logs = new FakeLogCollector();
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ISlackInstallationStore>(store);
        builder.Services.AddSingleton<ISeenEventStore>(new InMemorySeenEventStore(time));
        builder.Services.AddSingleton<IWorkspaceLifecycle, RecordingWorkspaceLifecycle>();
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddSlackListeners((app, _) => listeners(app));
        var web = builder.Build();
        var mapped = web.MapSlackEndpoints();
        try
        {
            await web.StartAsync();
        }
        catch
        {
            await web.DisposeAsync();
            await api.DisposeAsync();
            throw;
        }

        return new SlackTestHost(web, api, time, store, logs) { Mapped = mapped };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Api.DisposeAsync();
    }
}
