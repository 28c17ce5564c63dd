using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccountBot.Core.FollowUps;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Tests.Teams;

/// <summary>
/// The real host (real token validation, the LiteDB file) against a fake Bot Connector: a conversation Teams refused
/// with 403 MessageWritesBlocked stays blocked across a restart until the bot is added there again.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class BlockedConversationRestartTests : IAsyncLifetime
{
    private const string AppId = "5a4c3b2a-1111-4222-8333-944455566677";
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed in the team"}}""";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestHost _hosts = new("teams-blocked");
    private readonly TestSigningKey _key = new("blocked-key", "msteams");
    private FakeConnector _connector = null!;
    private OpenIdMetadataServer _metadata = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.Publish(_key);
        _token = new BotTokenIssuer().Issue(new TestToken { Audience = AppId, ServiceUrl = _connector.ServiceUrl, Now = DateTimeOffset.UtcNow }, _key);
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
        _key.Dispose();
        _hosts.Dispose();
    }

    [Fact]
    public async Task Send_AfterRestart_SkipsTheBlockedChannelUntilTheBotIsAddedAgain()
    {
        await using (var first = Start())
        {
            _connector.Enqueue(403, Blocked);

            await PostAsync(first, InThread("1714986001123", "map help"));

            Assert.Single(_connector.Requests);
        }

        await using (var restarted = Start())
        {
            // Another thread of the same channel: no call at all, the block came back from the database.
            await PostAsync(restarted, InThread("1714986002222", "map help"));
            Assert.Single(_connector.Requests);

            await PostAsync(restarted, BotAddedToTheTeam());
            var welcome = _connector.Requests[^1];
            Assert.Equal(2, _connector.Requests.Count);
            Assert.Contains(Encoded(ActivityBuilder.ChannelId), welcome.RawTarget, StringComparison.Ordinal);

            await PostAsync(restarted, InThread("1714986003333", "map help"));
            Assert.Equal(3, _connector.Requests.Count);
            Assert.Contains(Encoded(ActivityBuilder.ChannelId + ";messageid=1714986003333"), _connector.Requests[^1].RawTarget, StringComparison.Ordinal);
        }

        // The unblock is stored too: one more restart still answers.
        await using var again = Start();
        await PostAsync(again, InThread("1714986004444", "map help"));
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_AfterRestart_SkipsABlockedPersonalChatForProactiveSends()
    {
        await using (var first = Start())
        {
            _connector.Enqueue(403, Blocked);
            await PostAsync(first, new ActivityBuilder().Message("map help").WithServiceUrl(_connector.ServiceUrl).Build());
            Assert.Single(_connector.Requests);
        }

        await using var restarted = Start();
        var connector = restarted.Services.GetRequiredService<ConnectorClient>();
        var reference = new ActivityBuilder().WithServiceUrl(_connector.ServiceUrl).Build().GetConversationReference();

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            connector.SendProactiveAsync(reference, Activity.CreateMessage("Weekly account review"), CancellationToken.None));

        Assert.Single(_connector.Requests);
    }

    private WebApplicationFactory<Program> Start()
    {
        var host = _hosts.Create(
            web => web.ConfigureTestServices(services => services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("outbound-token"))),
            ("MicrosoftAppId", AppId),
            ("MicrosoftAppPassword", "not-used-the-token-provider-is-fake"),
            ("Teams:OpenIdMetadataUrl", _metadata.MetadataUrl),
            ("Teams:ConnectorRetry:MaxRetries", "0"),
            ("Reminders:Enabled", "false"));
        host.StartServer();
        return host;
    }

    /// <summary>Posts with a valid token and waits until the replies it caused have been sent (or given up).</summary>
    private async Task PostAsync(WebApplicationFactory<Program> host, Activity activity)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        using var response = await client.SendAsync(request, patience.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);
    }

    /// <summary>A channel message that @mentions the bot, in the thread of <paramref name="messageId"/>.</summary>
    private Activity InThread(string messageId, string text) =>
        new ActivityBuilder().With(a => a with { Id = messageId }).InChannel(text).WithServiceUrl(_connector.ServiceUrl).Build();

    /// <summary>What Teams sends when the bot is added to the team again (the General channel is the team's id).</summary>
    private Activity BotAddedToTheTeam() =>
        new ActivityBuilder().InChannel(string.Empty).WithServiceUrl(_connector.ServiceUrl).With(a => a with
        {
            Type = ActivityTypes.ConversationUpdate,
            Text = null,
            Entities = null,
            Conversation = a.Conversation! with { Id = ActivityBuilder.ChannelId },
            MembersAdded = [new ChannelAccount { Id = ActivityBuilder.BotId }],
        }).Build();

    private static string Encoded(string id) => Uri.EscapeDataString(id);
}
