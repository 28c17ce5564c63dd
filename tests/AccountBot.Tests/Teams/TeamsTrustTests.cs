using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.FollowUps;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Tests.Teams;

/// <summary>
/// The real host (real token validation, the LiteDB file) against a fake Bot Connector, signed by a key endorsed for
/// <c>msteams</c>, <c>webchat</c> and <c>directline</c> as Microsoft's are: only Teams reaches the Teams bot.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsTrustTests : IAsyncLifetime
{
    private const string AppId = "5a4c3b2a-1111-4222-8333-944455566677";
    private const string VictimTenant = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestHost _hosts = new("teams-trust");
    private readonly TestSigningKey _key = new("connector-key", "msteams", "webchat", "directline");
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

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task Post_SignedActivityFromAnotherChannelNamingATenant_Answers403AndChangesNothing(string channelId)
    {
        await using var host = Start();

        var status = await PostAsync(host, CreateMap(channelId));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_SameActivityFromTeams_CreatesTheMapAndReplies()
    {
        await using var host = Start();

        var status = await PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Single(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Post_SignedTeamsActivityFromATenantNotAllowed_RepliesTheNoticeAndStoresNothing()
    {
        await using var host = Start(("Teams:AllowedTenants:0", "72f988bf-86f1-41af-91ab-2d7cd011db47"));

        var status = await PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AccessNotices.WorkspaceNotAllowed, Assert.Single(_connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IBlockedConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public async Task Post_SignedTeamsMessageFromAGuest_RepliesExternalUserAndStoresNothing()
    {
        await using var host = Start();
        _connector.SetMember(ActivityBuilder.UserId, $$"""{"id":"{{ActivityBuilder.UserId}}","tenantId":"{{VictimTenant}}","userRole":"guest"}""");

        var status = await PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AccessNotices.ExternalUser, Assert.Single(_connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public void Start_AllowedTenantThatIsNotAGuid_FailsNamingTheKey()
    {
        using var host = _hosts.Create(("Teams:AllowedTenants:0", "contoso.onmicrosoft.com"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Teams:AllowedTenants:0", error.Message, StringComparison.Ordinal);
    }

    /// <summary><c>map Acme create</c> naming <see cref="VictimTenant"/> in channelData and conversation.tenantId.</summary>
    private Activity CreateMap(string channelId) =>
        new ActivityBuilder().Message("map Acme create").WithChannelId(channelId).WithServiceUrl(_connector.ServiceUrl).With(a => a with
        {
            Conversation = a.Conversation! with { TenantId = VictimTenant },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = VictimTenant } },
        }).Build();

    private WebApplicationFactory<Program> Start(params (string Key, string? Value)[] settings)
    {
        var host = _hosts.Create(
            web => web.ConfigureTestServices(services => services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("outbound-token"))),
            [
                ("MicrosoftAppId", AppId),
                ("MicrosoftAppPassword", "not-used-the-token-provider-is-fake"),
                ("Teams:OpenIdMetadataUrl", _metadata.MetadataUrl),
                ("Teams:ConnectorRetry:MaxRetries", "0"),
                ("Reminders:Enabled", "false"),
                .. settings,
            ]);
        host.StartServer();
        return host;
    }

    /// <summary>Posts with a valid token, waits until the replies it caused have been sent (or given up) and returns the status.</summary>
    private async Task<HttpStatusCode> PostAsync(WebApplicationFactory<Program> host, Activity activity)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        using var response = await client.SendAsync(request, patience.Token);
        await host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);
        return response.StatusCode;
    }
}
