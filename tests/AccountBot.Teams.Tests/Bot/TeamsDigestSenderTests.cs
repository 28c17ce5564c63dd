using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Tests.Rendering;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Bot;

public sealed class TeamsDigestSenderTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SendAsync_PersonalChat_PostsDigestCardAndDelivers()
    {
        var result = await SendAsync(Address("personal"));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith("/v3/conversations/a%3Achat-1/activities", request.RawTarget, StringComparison.Ordinal);
        Assert.Contains("Weekly account review", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"mention\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Channel_StartsNewThreadInTheChannel()
    {
        var result = await SendAsync(Address("channel") with { ConversationId = ActivityBuilder.ChannelId });

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var request = Assert.Single(_host.Connector.Requests);
        Assert.EndsWith("/v3/conversations", request.RawTarget, StringComparison.Ordinal);
        Assert.Contains(ActivityBuilder.ChannelId, request.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, "", DeliveryStatus.RetryLater, true)]
    [InlineData(503, "", DeliveryStatus.RetryLater, false)]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""", DeliveryStatus.PermanentFailure, false)]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"gone"}}""", DeliveryStatus.PermanentFailure, false)]
    public async Task SendAsync_ConnectorError_MapsToDeliveryStatus(int status, string body, DeliveryStatus expected, bool throttled)
    {
        _host.Connector.Enqueue(status, body.Length == 0 ? null : body);

        var result = await SendAsync(Address("personal"));

        Assert.Equal(expected, result.Status);
        Assert.Equal(throttled, result.Throttled);
    }

    [Fact]
    public async Task SendAsync_StillThrottled_TheOutboxWaitsWhatTeamsAsked()
    {
        _host.Connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "42");

        var result = await SendAsync(Address("personal"));

        Assert.True(result.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectorUnreachable_RetryLaterNotUnknown()
    {
        // Nothing listens on port 9 (discard): the request cannot have reached a connector.
        var result = await SendAsync(Address("personal") with { ServiceUrl = "http://127.0.0.1:9/" });

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
    }

    [Fact]
    public void Unreachable_ConnectionBrokenMidCall_Unknown()
    {
        var result = DeliveryResult.Unreachable(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), "the Bot Connector");

        Assert.Equal(DeliveryStatus.Unknown, result.Status);
    }

    [Fact]
    public async Task SendAsync_NoAddress_PermanentWithoutCalling()
    {
        var result = await SendAsync(null);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public void AddTeamsBot_RegistersTeamsDigestSender()
    {
        var senders = _host.Services.GetServices<IDigestSender>();

        Assert.Contains(senders, s => s.Platform == Platform.Teams && s is TeamsDigestSender);
    }

    private TeamsDigestSender Sender() => _host.Services.GetRequiredService<TeamsDigestSender>();

    /// <summary>Sends the digest with <paramref name="address"/> stored for its channel, as the bot stores it when added there.</summary>
    private async Task<DeliveryResult> SendAsync(ConversationAddress? address)
    {
        if (address is not null)
            await _host.Services.GetRequiredService<IConversationStore>().SaveAsync(address, CancellationToken.None);
        return await Sender().SendAsync(Planned(), CancellationToken.None);
    }

    private static PlannedDigest Planned() =>
        new(new DigestKey(SampleViews.Workspace, "a:chat-1", "2026-W10"), new ChannelRef("a:chat-1"), SampleViews.Now, SampleViews.Digest(3));

    private ConversationAddress Address(string type) => new()
    {
        Workspace = SampleViews.Workspace,
        ChannelId = "a:chat-1",
        ConversationId = "a:chat-1",
        ConversationType = type,
        ServiceUrl = _host.Connector.ServiceUrl,
        BotId = ActivityBuilder.BotId,
        TenantId = ActivityBuilder.TenantId,
        UpdatedAt = SampleViews.Now,
    };
}
