using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Workspaces;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Logging;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>The Teams bot over real HTTP on loopback: core over in-memory stores, a fake connector, the dev bypass.</summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(
        WebApplication app, Uri baseAddress, FakeConnector connector, InMemoryConversationStore conversations, InMemoryAccountMapStore maps, InMemoryBlockedConversationStore blocked, LogRecorder logs)
    {
        _app = app;
        Logs = logs;
        Connector = connector;
        Conversations = conversations;
        Maps = maps;
        Blocked = blocked;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public FakeConnector Connector { get; }

    public InMemoryConversationStore Conversations { get; }

    public InMemoryAccountMapStore Maps { get; }

    public InMemoryBlockedConversationStore Blocked { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every line the host logged: what a declined request says only in the log.</summary>
    public LogRecorder Logs { get; }

    /// <param name="configure">Replaces services after the defaults.</param>
    /// <param name="settings">Configuration on top of the defaults (e.g. <c>Teams:AllowedTenants:0</c>).</param>
    public static async Task<BotTestHost> StartAsync(Action<IServiceCollection>? configure = null, params (string Key, string? Value)[] settings)
    {
        var connector = await FakeConnector.StartAsync();
        var conversations = new InMemoryConversationStore();
        var maps = new InMemoryAccountMapStore();
        var blocked = new InMemoryBlockedConversationStore();
        var logs = new LogRecorder();
        var (app, baseAddress) = await LoopbackServer.StartAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true",
                    ["Teams:ConnectorRetry:MaxRetries"] = "0",
                });
                builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
                builder.Logging.AddProvider(logs);
                var services = builder.Services;
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
                services.AddSingleton<IAccountMapStore>(maps);
                services.AddSingleton<IChannelSettingsStore>(new InMemoryChannelSettingsStore());
                services.AddSingleton<IConversationStore>(conversations);
                services.AddSingleton<IBlockedConversationStore>(blocked);
                services.AddSingleton(new CoverageOptions());
                services.AddSingleton(new LimitsOptions());
                services.AddSingleton(new ReminderOptions());
                services.AddSingleton<IDigestOutbox>(new InMemoryDigestOutbox());
                services.AddSingleton<INotifySettingsStore>(new InMemoryNotifySettingsStore());
                services.AddAccountBotCore();
                services.AddSingleton<IWorkspaceLifecycle, RecordingWorkspaceLifecycle>();
                services.AddTeamsBot(builder.Configuration);
                services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("test-token"));
                configure?.Invoke(services);
            },
            app => app.MapTeamsBot(),
            "Development",
            CancellationToken.None);
        return new BotTestHost(app, baseAddress, connector, conversations, maps, blocked, logs);
    }

    /// <summary>Posts and waits until the replies it caused have gone out (or been given up).</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        var response = await PostWithoutWaitingAsync(activity);

        // Replies go out after the 200 (the follow-up queue): wait until they have reached the connector.
        await Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync();
        return response;
    }

    /// <summary>Posts and returns as soon as the bot has answered the HTTP request.</summary>
    public async Task<HttpResponseMessage> PostWithoutWaitingAsync(Activity activity)
    {
        var json = JsonSerializer.Serialize(activity with { ServiceUrl = Connector.ServiceUrl }, TeamsJsonContext.Default.Activity);
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    /// <summary>The card of the connector request at <paramref name="index"/> (a send, reply or update).</summary>
    public JsonElement Card(int index)
    {
        using var document = JsonDocument.Parse(Connector.Requests[index].Body);
        var root = document.RootElement;
        var activity = root.TryGetProperty("activity", out var inner) ? inner : root;
        return activity.GetProperty("attachments")[0].GetProperty("content").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
