using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using AccountBot.Teams.Tests.Security;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Tests.Routing;

public sealed class TeamsEndpointsTests(SigningKeysFixture keys) : IClassFixture<SigningKeysFixture>, IAsyncLifetime
{
    private const string AppId = "7f3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d";
    private readonly BotTokenIssuer _issuer = new();
    private readonly List<TeamsTurn> _turns = [];
    private OpenIdMetadataServer _metadata = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.Publish(keys.TeamsKey);
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("[]")]
    public async Task Post_NotAnActivity_Returns400WithShortMessage(string body)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(TeamsEndpoints.DefaultPattern, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid activity.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        await using var host = await StartAsync(("Teams:MaxRequestBodyBytes", "1024"));

        using var response = await host.Client.PostAsync(TeamsEndpoints.DefaultPattern, Json(Message().With(a => a with { Text = new string('x', 2000) }).BuildJson()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer garbage")]
    public async Task Post_NoValidToken_Returns401WithEmptyBody(string? authorization)
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, Message().BuildJson(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(_turns);
    }

    [Fact]
    public async Task Post_TokenForAnotherServiceUrl_Returns401AndDispatchesNothing()
    {
        await using var host = await StartAsync();
        var activity = Message().WithServiceUrl("https://attacker.example.com/").BuildJson();

        using var response = await PostAsync(host, activity, Bearer());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_turns);
    }

    [Fact]
    public async Task Post_AuthenticatedMessage_Returns200AndHandlerCanReply()
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, Message().BuildJson(), Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_turns);
        Assert.True(turn.IsAuthenticated);
        Assert.Equal("map Acme", turn.Activity.Text);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("/emea/v3/conversations/a%3A1pLm6uYzR0xWq3T8vBnKc2HdJf5GsAe9NoIkUy7VtQr4/activities/1714986001123", reply.RawTarget);
        Assert.Equal("echo: map Acme", JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task Post_SignedActivityFromAnotherChannel_Returns403AndDispatchesNothing(string channelId)
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, Message().WithChannelId(channelId).BuildJson(), Bearer());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(_turns);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("MSTeams")]
    public async Task Post_AnotherChannelThroughTheDevelopmentBypass_Returns403AndDispatchesNothing(string channelId)
    {
        await using var host = await StartAsync(withCredentials: false, settings: ("Teams:DangerouslyAllowUnauthenticatedRequests", "true"));

        using var response = await PostAsync(host, Message().WithChannelId(channelId).BuildJson(), authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_turns);
    }

    [Fact]
    public async Task Post_UnhandledActivityType_Returns200()
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, Message().OfType(ActivityTypes.MessageReaction).BuildJson(), Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnhandledInvoke_Returns501()
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, Message().Invoke("composeExtension/query").BuildJson(), Bearer());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_AdaptiveCardActionInvoke_PassesInvokeResponseThrough()
    {
        await using var host = await StartAsync();
        var invoke = Message().Invoke(InvokeNames.AdaptiveCardAction, """{"action":{"type":"Action.Execute","verb":"setStance","data":{"stance":"supporter"}}}""");

        using var response = await PostAsync(host, invoke.BuildJson(), Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, body.GetProperty("type").GetString());
        Assert.Equal("Stance: supporter", body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_NoAppIdAndBypassOff_Returns401()
    {
        await using var host = await StartAsync(withCredentials: false);

        using var response = await PostAsync(host, Message().BuildJson(), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoAppIdAndBypassOnInDevelopment_DispatchesUnauthenticated()
    {
        await using var host = await StartAsync(withCredentials: false, settings: ("Teams:DangerouslyAllowUnauthenticatedRequests", "true"));

        using var response = await PostAsync(host, Message().BuildJson(), authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(_turns).IsAuthenticated);
    }

    [Fact]
    public async Task Start_BypassOnInProduction_FailsValidation()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(withCredentials: false, environmentName: "Production", settings: ("Teams:DangerouslyAllowUnauthenticatedRequests", "true")));

        Assert.Contains("Teams:DangerouslyAllowUnauthenticatedRequests", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_FailsNamingTheKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(withCredentials: false, settings: ("MicrosoftAppId", AppId)));

        Assert.Contains("MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
    }

    private Task<TeamsTestHost> StartAsync(params (string Key, string? Value)[] settings) => StartAsync(true, "Development", settings);

    private Task<TeamsTestHost> StartAsync(bool withCredentials, string environmentName = "Development", params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Teams:OpenIdMetadataUrl"] = _metadata.MetadataUrl,
            ["Teams:ConnectorRetry:BaseDelay"] = "00:00:00.001",
            ["Teams:ConnectorRetry:MaxDelay"] = "00:00:00.010",
        };
        if (withCredentials)
        {
            values["MicrosoftAppId"] = AppId;
            values["MicrosoftAppPassword"] = "not-used";
        }

        foreach (var (key, value) in settings)
            values[key] = value;

        return TeamsTestHost.StartAsync(values, router => router
            .OnMessage(async (turn, ct) =>
            {
                _turns.Add(turn);
                if (turn.IsAuthenticated)
                    await turn.ReplyAsync("echo: " + turn.Activity.RemoveRecipientMention(), ct);
            })
            .OnInvoke(InvokeNames.AdaptiveCardAction, (turn, _) =>
            {
                var stance = turn.Activity.GetAdaptiveCardInvokeValue()?.Action?.Data?.GetProperty("stance").GetString();
                return Task.FromResult(InvokeResponse.FromAdaptiveCardResponse(
                    AdaptiveCardInvokeResponse.Card(new AdaptiveCard([new TextBlock($"Stance: {stance}")]))));
            }), environmentName);
    }

    private ActivityBuilder Message() => new ActivityBuilder().Message("map Acme").WithServiceUrl(_connector.ServiceUrl);

    private string Bearer() => "Bearer " + _issuer.Issue(
        new TestToken { Audience = AppId, ServiceUrl = _connector.ServiceUrl, Now = DateTimeOffset.UtcNow }, keys.TeamsKey);

    private static async Task<HttpResponseMessage> PostAsync(TeamsTestHost host, string json, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.DefaultPattern) { Content = Json(json) };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await host.Client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
