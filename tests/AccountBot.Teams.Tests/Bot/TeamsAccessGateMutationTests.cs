using System.Text.Json;
using AccountBot.Core.Access;
using AccountBot.Teams.Access;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// Rules of <see cref="TeamsAccessGate"/> that no other test stated, found by mutation testing (issue #18, round 3):
/// who counts as a person of the tenant, and what the gate does when it cannot look the sender up.
/// </summary>
public sealed class TeamsAccessGateMutationTests : IAsyncLifetime
{
    private const string ColleagueId = "29:1ColleagueOfAdaAbcDefGhiJklMnoPqr";

    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync();
        _host.Connector.SetMember(ActivityBuilder.UserId, Member(ActivityBuilder.UserId, ActivityBuilder.TenantId, "user"));
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("User")]
    [InlineData("USER")]
    [InlineData("")]
    public async Task Message_ColleagueWhoseRoleIsUserInAnyCaseOrBlank_SeesTheMap(string role)
    {
        _host.Connector.SetMember(ColleagueId, Member(ColleagueId, ActivityBuilder.TenantId, role));

        var reply = await ReplyToColleagueAsync();

        Assert.DoesNotContain(AccessNotices.ExternalUser, reply, StringComparison.Ordinal);
        Assert.Contains("Acme", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("72F988BF-86F1-41AF-91AB-2D7CD011DB47")]
    [InlineData("{72f988bf-86f1-41af-91ab-2d7cd011db47}")]
    [InlineData("72f988bf86f141af91ab2d7cd011db47")]
    public async Task Message_ColleagueWhoseTenantIsTheSameGuidWrittenOtherwise_SeesTheMap(string tenantId)
    {
        _host.Connector.SetMember(ColleagueId, Member(ColleagueId, tenantId, "user"));

        var reply = await ReplyToColleagueAsync();

        Assert.DoesNotContain(AccessNotices.ExternalUser, reply, StringComparison.Ordinal);
        Assert.Contains("Acme", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ConversationTenantIsTheSameGuidInCapitals_SeesTheMap()
    {
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { Conversation = a.Conversation! with { TenantId = ActivityBuilder.TenantId.ToUpperInvariant() } }).Build());

        var reply = Assert.Single(_host.Connector.Requests.Skip(before)).Body;
        Assert.DoesNotContain(AccessNotices.ExternalUser, reply, StringComparison.Ordinal);
        Assert.Contains("Acme", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_WithoutSender_DeclinedAsCouldNotCheckWithoutALookup()
    {
        var before = _host.Connector.Requests.Count;
        var lookups = _host.Connector.MemberLookups.Count;

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").With(a => a with { From = null }).Build());

        Assert.Contains(TeamsAccessGate.CouldNotCheck, Assert.Single(_host.Connector.Requests.Skip(before)).Body, StringComparison.Ordinal);
        Assert.Equal(lookups, _host.Connector.MemberLookups.Count);
    }

    private async Task<string> ReplyToColleagueAsync()
    {
        var before = _host.Connector.Requests.Count;
        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { From = new ChannelAccount { Id = ColleagueId, Name = "Grace Hopper", AadObjectId = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d" } })
            .Build());
        return Assert.Single(_host.Connector.Requests.Skip(before)).Body;
    }

    private static string Member(string id, string tenantId, string role) =>
        JsonSerializer.Serialize(new { id, name = "Someone", tenantId, userRole = role });
}
