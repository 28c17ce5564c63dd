using AccountBot.Core.Access;
using AccountBot.Teams.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// The two rules of <see cref="TeamsAccessGate"/> that round 4 of mutation testing (issue #18) left alive: a null turn
/// is refused by name, and two tenant texts that are not GUIDs are the same tenant only when equal ignoring case.
/// </summary>
public sealed class TeamsAccessGateRound5MutationTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CheckAsync_NullTurn_RefusedNamingIt()
    {
        var gate = _host.Services.GetRequiredService<TeamsAccessGate>();

        await Assert.ThrowsAsync<ArgumentNullException>("turn", () => gate.CheckAsync(null!, CancellationToken.None));
    }

    [Theory]
    [InlineData("contoso", "fabrikam")]
    [InlineData("fabrikam", "contoso")]
    [InlineData("contoso", ActivityBuilder.TenantId)]
    public async Task CheckAsync_ConversationTenantAnotherTextThanChannelData_DeclinedAsExternal(string channelDataTenant, string conversationTenant)
    {
        var refusal = await CheckDirectlyAsync(WithTenants(channelDataTenant, conversationTenant));

        Assert.Equal(AccessNotices.ExternalUser, refusal?.Notice);
        Assert.Equal("conversation.tenantId differs from channelData.tenant.id", refusal?.Reason);
    }

    [Fact]
    public async Task CheckAsync_SameNonGuidTenantTextInAnotherCase_NotDeclinedForIt()
    {
        _host.Connector.SetMember(ActivityBuilder.UserId, """{"id":"29:1Xo3lQj2abcDEFghiJKLmnoPQRstuVWxyz","name":"Ada","tenantId":"Contoso","userRole":"user"}""");

        var refusal = await CheckDirectlyAsync(WithTenants("contoso", "CONTOSO"));

        Assert.NotEqual("conversation.tenantId differs from channelData.tenant.id", refusal?.Reason);
    }

    private Activity WithTenants(string channelDataTenant, string conversationTenant) =>
        new ActivityBuilder().Message("map Acme").WithServiceUrl(_host.Connector.ServiceUrl)
            .With(a => a with
            {
                ChannelData = a.ChannelData! with { Tenant = new TenantInfo { Id = channelDataTenant } },
                Conversation = a.Conversation! with { TenantId = conversationTenant },
            })
            .Build();

    private Task<AccessRefusal?> CheckDirectlyAsync(Activity activity)
    {
        var services = _host.Services;
        var turn = new TeamsTurn(activity, isAuthenticated: false, identity: null, services);
        return services.GetRequiredService<TeamsAccessGate>().CheckAsync(turn, CancellationToken.None);
    }
}
