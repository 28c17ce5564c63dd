using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Installations;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// The real host on Kestrel (127.0.0.1), LiteDB in a temp folder, <c>Slack:ApiBaseUrl</c> at a <see cref="FakeSlackApi"/>,
/// OAuth mode with two installed workspaces (T0ACME, T0OTHER), and a signer for Slack requests.
/// </summary>
internal sealed class SlackBotHost : IAsyncDisposable
{
    public const string SigningSecret = "flow-signing-secret-0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-slack-flow", Guid.NewGuid().ToString("N"));

    private SlackBotHost(FakeSlackApi api, WebApplicationFactory<Program> factory)
    {
        Api = api;
        Factory = factory;
        Signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);
    }

    public FakeSlackApi Api { get; }
    public WebApplicationFactory<Program> Factory { get; private set; }
    public SlackRequestSigner Signer { get; }
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's LiteDB file (<c>Storage:LiteDb:Path</c>).</summary>
    public string DatabasePath => Path.Combine(_folder, "bot.db");

    /// <param name="settings">Settings on top of the ones above (e.g. another storage provider).</param>
    public static async Task<SlackBotHost> StartAsync(Action<IServiceCollection>? configureServices = null, IReadOnlyList<(string Key, string Value)>? settings = null)
    {
        var api = await FakeSlackApi.StartAsync();
        var host = new SlackBotHost(api, null!);
        host.Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            // Without Urls Kestrel takes its default port; two hosts (or another test run) on one port collide.
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("Storage:LiteDb:Path", host.DatabasePath);
            web.UseSetting("Slack:SigningSecret", SigningSecret);
            web.UseSetting("Slack:ClientId", "1234.5678");
            web.UseSetting("Slack:ClientSecret", "client-secret");
            web.UseSetting("Slack:RedirectUri", "https://bot.example/slack/oauth/callback");
            web.UseSetting("Slack:ApiBaseUrl", api.ApiBaseUrl.AbsoluteUri);
            web.UseSetting("Slack:ApiRetry:MaxRetries", "2");
            foreach (var (key, value) in settings ?? [])
                web.UseSetting(key, value);
            if (configureServices is not null)
                web.ConfigureTestServices(configureServices);
        });
        host.Factory.UseKestrel(0);
        host.Factory.StartServer();
        host.Client = host.Factory.CreateClient();
        var store = host.Factory.Services.GetRequiredService<ISlackInstallationStore>();
        await store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme", BotUserId = "U0BOT" }, CancellationToken.None);
        await store.SaveAsync(new SlackInstallation { TeamId = "T0OTHER", BotToken = "xoxb-other", BotUserId = "U0BOT" }, CancellationToken.None);
        return host;
    }

    public async Task<HttpResponseMessage> CommandAsync(string text, string team = "T0ACME", string channel = "C0DEALS", string triggerId = "1337.42.trigger")
    {
        using var request = Signer.CreateFormRequest("/slack/commands", SlackPayloads.Command(text, team: team, channel: channel, responseUrl: Api.ResponseUrl("cmd"), triggerId: triggerId));
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> InteractAsync(string payloadJson, string path = "/slack/interactivity")
    {
        using var request = Signer.CreateInteractionRequest(path, payloadJson);
        return await Client.SendAsync(request);
    }

    public async Task<string> CommandTextAsync(string text, string team = "T0ACME", string channel = "C0DEALS")
    {
        using var response = await CommandAsync(text, team, channel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The request context of a Slack user of <paramref name="team"/> (for seeding through the core).</summary>
    public static RequestContext UserOf(string team = "T0ACME") =>
        new(WorkspaceKey.ForSlack(null, team), new UserRef("U0ANA", "ana"), new ChannelRef("C0SEED"));

    /// <summary>Creates a map with people through the core, as a Slack user of <paramref name="team"/> would; returns their ids.</summary>
    public async Task<List<Guid>> SeedAsync(string team, string name, IReadOnlyList<string> people)
    {
        var dispatcher = Factory.Services.GetRequiredService<CommandDispatcher>();
        var context = UserOf(team);
        await dispatcher.DispatchAsync($"map {name} create", context, CancellationToken.None);
        var map = await FindMapAsync(team, name);
        foreach (var person in people)
        {
            var reply = await dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(map!.Id, null, Guid.NewGuid().ToString("N"), new StakeholderFormValues { Name = person }), context, CancellationToken.None);
            Assert.IsType<MapView>(reply.Reply);
        }

        map = await FindMapAsync(team, name);
        return [.. map!.Stakeholders.Select(s => s.Id)];
    }

    public Task<AccountMap?> FindMapAsync(string team, string name) =>
        Factory.Services.GetRequiredService<IAccountMapStore>().FindByNameAsync(WorkspaceKey.ForSlack(null, team), name, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
