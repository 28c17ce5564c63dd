using System.Text.Json;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=123";
    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _services = CreateServices("token-123");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ReplyToActivityAsync_TeamsThreadId_EscapesEverySegmentAndReturnsId()
    {
        var response = await Client().ReplyToActivityAsync(_connector.ServiceUrl, ThreadId, "1:xyz", Activity.CreateMessage("hi"), CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1%3Axyz", request.RawTarget);
        Assert.Equal("1", response.Id);
        Assert.Equal("hi", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_PostsToActivities()
    {
        await Client().SendToConversationAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1pLm", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.Equal("/emea/v3/conversations/a%3A1pLm/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task UpdateActivityAsync_Card_PutsFullActivityWithId()
    {
        var card = CardAttachment.ToMessage(new AdaptiveCard([new TextBlock("Updated")]));

        await Client().UpdateActivityAsync(_connector.ServiceUrl, ThreadId, "1714990280001", card, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/activities/1714990280001", request.RawTarget, StringComparison.Ordinal);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("1714990280001", body.GetProperty("id").GetString());
        Assert.Equal(CardAttachment.ContentType, body.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task CreateChannelThreadAsync_ChannelId_PostsIsGroupChannelDataAndActivity()
    {
        var response = await Client().CreateChannelThreadAsync(_connector.ServiceUrl, "19:chan@thread.tacv2", "tenant-1", Activity.CreateMessage("Weekly digest"), CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/emea/v3/conversations", request.RawTarget);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("19:chan@thread.tacv2", body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("Weekly digest", body.GetProperty("activity").GetProperty("text").GetString());
        Assert.Equal("1", response.ActivityId);
        Assert.Equal("19:channel@thread.tacv2;messageid=1", response.Id);
    }

    [Fact]
    public async Task GetPagedMembersAsync_Conversation_GetsPagedMembers()
    {
        var page = await Client().GetPagedMembersAsync(_connector.ServiceUrl, "19:chan@thread.tacv2", 50, null, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/emea/v3/conversations/19%3Achan%40thread.tacv2/pagedmembers?pageSize=50", request.RawTarget);
        Assert.Equal("Ada Lovelace", Assert.Single(page.Members).Name);
    }

    [Fact]
    public async Task SendProactiveAsync_StoredReference_SendsFromTheBotIntoTheConversation()
    {
        var reference = new ActivityBuilder().InChannel("map Acme").WithServiceUrl(_connector.ServiceUrl).Build().GetConversationReference();

        await Client().SendProactiveAsync(reference, Activity.CreateMessage("Reminder"), CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/emea/v3/conversations/" + Uri.EscapeDataString(reference.Conversation.Id!) + "/activities", request.RawTarget);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(ActivityBuilder.BotId, body.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendProactiveAsync_ReferenceWithTenantOnly_SendsTheTenantAndABlockRecordsIt()
    {
        var stored = new ActivityBuilder().InChannel("map Acme").WithServiceUrl(_connector.ServiceUrl).Build().GetConversationReference();
        var reference = stored with { Conversation = stored.Conversation with { TenantId = null }, TenantId = "tenant-from-reference" };
        _connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""");

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            Client().SendProactiveAsync(reference, Activity.CreateMessage("Reminder"), CancellationToken.None));

        var body = JsonDocument.Parse(Assert.Single(_connector.Requests).Body).RootElement;
        Assert.Equal("tenant-from-reference", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        var blocked = Assert.Single(await _services.GetRequiredService<IBlockedConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Equal("tenant-from-reference", blocked.TenantId);
    }

    [Fact]
    public async Task SendAsync_AppIdConfigured_SendsBearerToken()
    {
        await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.Equal("Bearer token-123", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_NoAppId_SendsNoAuthorizationHeader()
    {
        await using var services = CreateServices(token: null);

        await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendAsync_TransientStatusThenSuccess_Retries(int status)
    {
        _connector.Enqueue(status, retryAfter: "0");
        _connector.Enqueue(status);

        var response = await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.Equal(3, _connector.Requests.Count);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task SendAsync_ThrottledWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var time = new VirtualTimeProvider();
        await using var services = CreateServices("token-123", time);
        _connector.Enqueue(429, retryAfter: "7");

        var response = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.NotNull(response.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), time.RequestedDelays);
    }

    [Fact]
    public async Task SendAsync_BadGatewayOnce_RetriedAfterABackoff()
    {
        var time = new VirtualTimeProvider();
        await using var services = CreateServices("token-123", time);
        _connector.Enqueue(502);

        var response = await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None);

        Assert.NotNull(response.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Contains(time.RequestedDelays, d => d >= TimeSpan.FromSeconds(0.5) && d <= TimeSpan.FromSeconds(1)); // BaseDelay 1 s, equal jitter
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanTheTotalWait_GivesUpAtOnceWithIt()
    {
        var time = new VirtualTimeProvider();
        await using var services = CreateServices("token-123", time);
        _connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "120");

        var exception = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter); // for the follow-up queue, which tries again later
        Assert.Single(_connector.Requests);
        Assert.DoesNotContain(TimeSpan.FromSeconds(120), time.RequestedDelays);
    }

    [Fact]
    public async Task SendAsync_ThrottledThenAccepted_ResendsTheSameBody()
    {
        _connector.Enqueue(429, retryAfter: "0");
        var card = CardAttachment.ToMessage(new AdaptiveCard([.. Enumerable.Range(0, 200).Select(i => new TextBlock($"Person {i}"))]));

        await Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", card, CancellationToken.None);

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(_connector.Requests[0].Body, _connector.Requests[1].Body);
        Assert.Contains("Person 199", _connector.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ManyAtOnce_EachRequestCarriesItsOwnBody()
    {
        var client = Client();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            client.SendToConversationAsync(_connector.ServiceUrl, $"a:{i}", Activity.CreateMessage($"message {i} " + new string((char)('a' + (i % 26)), 8_000 + i)), CancellationToken.None)));

        Assert.Equal(64, _connector.Requests.Count);
        foreach (var request in _connector.Requests)
        {
            var i = int.Parse(request.RawTarget.Split("%3A")[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
            var text = JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString();
            Assert.Equal($"message {i} " + new string((char)('a' + (i % 26)), 8_000 + i), text);
        }
    }

    [Fact]
    public async Task SendAsync_ThrottledBeyondMaxRetries_GivesUpWithConnectorException()
    {
        for (var i = 0; i < 2; i++)
            _connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "0");
        _connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "7");

        var exception = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal("TooManyRequests", exception.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter); // what the last answer asked, for whoever tries later
        Assert.Equal(3, _connector.Requests.Count); // first try + MaxRetries (2)
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowedWithTheToken()
    {
        _connector.Enqueue(new FakeConnectorResponse(307, null, null)
        {
            Headers = new Dictionary<string, string> { ["Location"] = _connector.ServiceUrl + "v3/conversations/elsewhere/activities" },
        });

        var exception = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, exception.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task SendAsync_ConnectorSetsACookie_NextSendDoesNotCarryIt()
    {
        _connector.Enqueue(new FakeConnectorResponse(201, """{"id":"1"}""", null)
        {
            Headers = new Dictionary<string, string> { ["Set-Cookie"] = "affinity=tenant-a; Path=/" },
        });
        var client = Client();

        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("tenant A"), CancellationToken.None);
        await client.SendToConversationAsync(_connector.ServiceUrl, "a:2", Activity.CreateMessage("tenant B"), CancellationToken.None);

        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, request => Assert.Null(request.Cookie));
    }

    [Fact]
    public async Task SendAsync_NotTransient_DoesNotRetry()
    {
        _connector.Enqueue(400, """{"error":{"code":"BadArgument","message":"bad"}}""");

        await Assert.ThrowsAsync<ConnectorException>(() =>
            Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"), CancellationToken.None));

        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task SendAsync_MessageWritesBlocked_RecordsAndNextSendFailsWithoutHttp()
    {
        _connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed in user's personal scope"}}""");
        var client = Client();

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            client.ReplyToActivityAsync(_connector.ServiceUrl, ThreadId, "1", Activity.CreateMessage("hi"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            client.SendToConversationAsync(_connector.ServiceUrl, "19:abc@thread.tacv2;messageid=999", Activity.CreateMessage("again"), CancellationToken.None));

        Assert.Single(_connector.Requests);
        Assert.True(await _services.GetRequiredService<IBlockedConversations>().IsBlockedAsync("19:abc@thread.tacv2", CancellationToken.None));
        Assert.Equal("19:abc@thread.tacv2;messageid=999", second.ConversationId);
    }

    [Fact]
    public async Task SendToConversationAsync_MessageWritesBlocked_RecordsTheChannelWithTheActivitysTenant()
    {
        _connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed in user's personal scope"}}""");
        var message = Activity.CreateMessage("hi") with { Conversation = new ConversationAccount { Id = ThreadId, TenantId = "tenant-1" } };

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            Client().SendToConversationAsync(_connector.ServiceUrl, ThreadId, message, CancellationToken.None));

        var entry = Assert.Single(Store().All);
        Assert.Equal(("19:abc@thread.tacv2", "tenant-1"), (entry.ConversationKey, entry.TenantId));
    }

    [Fact]
    public async Task CreateChannelThreadAsync_MessageWritesBlocked_RecordsTheChannelAndTenantThenSkipsIt()
    {
        _connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed in the team"}}""");
        var client = Client();

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            client.CreateChannelThreadAsync(_connector.ServiceUrl, "19:chan@thread.tacv2", "tenant-1", Activity.CreateMessage("Weekly digest"), CancellationToken.None));
        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            client.CreateChannelThreadAsync(_connector.ServiceUrl, "19:chan@thread.tacv2", "tenant-1", Activity.CreateMessage("Weekly digest"), CancellationToken.None));

        Assert.Single(_connector.Requests);
        var entry = Assert.Single(Store().All);
        Assert.Equal(("19:chan@thread.tacv2", "tenant-1"), (entry.ConversationKey, entry.TenantId));
    }

    [Fact]
    public async Task SendAsync_ActivityOver80KB_ThrowsBeforeSending()
    {
        var huge = Activity.CreateMessage(new string('x', MessageSize.MaxBytes));

        await Assert.ThrowsAsync<MessageTooLargeException>(() =>
            Client().SendToConversationAsync(_connector.ServiceUrl, "a:1", huge, CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    private ConnectorClient Client() => _services.GetRequiredService<ConnectorClient>();

    private InMemoryBlockedConversationStore Store() => (InMemoryBlockedConversationStore)_services.GetRequiredService<IBlockedConversationStore>();

    private static ServiceProvider CreateServices(string? token, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:ConnectorRetry:MaxRetries"] = "2",
            // Real waits kept short; on a test's own clock, the defaults' seconds.
            ["Teams:ConnectorRetry:BaseDelay"] = time is null ? "00:00:00.001" : "00:00:01",
            ["Teams:ConnectorRetry:MaxDelay"] = time is null ? "00:00:00.010" : "00:00:30",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
            services.AddSingleton(time);
        services.AddTeamsAdapter(configuration);
        services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider(token));
        services.AddSingleton<IBlockedConversationStore>(new InMemoryBlockedConversationStore());
        return services.BuildServiceProvider();
    }
}
