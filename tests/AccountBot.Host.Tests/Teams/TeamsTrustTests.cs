using System.Net;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// The real host (real token validation, the LiteDB file) against a fake Bot Connector, signed by a key endorsed for
/// <c>msteams</c>, <c>webchat</c> and <c>directline</c> as Microsoft's are: only Teams reaches the Teams bot.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsTrustTests : IAsyncLifetime
{
    private const string VictimTenant = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";

    private SignedTeamsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SignedTeamsRig.StartAsync("teams-trust", "connector-key", "msteams", "webchat", "directline");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task Post_SignedActivityFromAnotherChannelNamingATenant_Answers403AndChangesNothing(string channelId)
    {
        await using var host = _rig.Start();

        var status = await _rig.PostAsync(host, CreateMap(channelId));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(_rig.Connector.Requests);
    }

    [Fact]
    public async Task Post_SameActivityFromTeams_CreatesTheMapAndReplies()
    {
        await using var host = _rig.Start();

        var status = await _rig.PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        // The personal chat's address, and the sender's own (where a nudge would open a 1:1 chat with them).
        var addresses = await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None);
        Assert.Equal(["personal", ConversationAddress.UserType], addresses.Select(a => a.ConversationType).Order(StringComparer.Ordinal));
        Assert.Single(_rig.Connector.Requests);
    }

    [Fact]
    public async Task Post_SignedTeamsActivityFromATenantNotAllowed_RepliesTheNoticeAndStoresNothing()
    {
        await using var host = _rig.Start(("Teams:AllowedTenants:0", "72f988bf-86f1-41af-91ab-2d7cd011db47"));

        var status = await _rig.PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AccessNotices.WorkspaceNotAllowed, Assert.Single(_rig.Connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IBlockedConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public async Task Post_SignedTeamsMessageFromAGuest_RepliesExternalUserAndStoresNothing()
    {
        await using var host = _rig.Start();
        _rig.Connector.SetMember(ActivityBuilder.UserId, $$"""{"id":"{{ActivityBuilder.UserId}}","tenantId":"{{VictimTenant}}","userRole":"guest"}""");

        var status = await _rig.PostAsync(host, CreateMap("msteams"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AccessNotices.ExternalUser, Assert.Single(_rig.Connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IAccountMapStore>().ListAsync(WorkspaceKey.ForTeams(VictimTenant), CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public void Start_AllowedTenantThatIsNotAGuid_FailsNamingTheKey()
    {
        using var host = _rig.Hosts.Create(("Teams:AllowedTenants:0", "contoso.onmicrosoft.com"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Teams:AllowedTenants:0", error.Message, StringComparison.Ordinal);
    }

    /// <summary><c>map Acme create</c> naming <see cref="VictimTenant"/> in channelData and conversation.tenantId.</summary>
    private Activity CreateMap(string channelId) =>
        new ActivityBuilder().Message("map Acme create").WithChannelId(channelId).WithServiceUrl(_rig.Connector.ServiceUrl).With(a => a with
        {
            Conversation = a.Conversation! with { TenantId = VictimTenant },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = VictimTenant } },
        }).Build();
}
