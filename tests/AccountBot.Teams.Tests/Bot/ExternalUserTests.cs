using System.Net;
using System.Text.Json;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Access;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// People of another organisation (guests, anonymous users, federated or shared-channel users of another tenant)
/// neither read nor change maps: the connector's member record (<c>tenantId</c>, <c>userRole</c>) tells them apart.
/// </summary>
public sealed class ExternalUserTests : IAsyncLifetime
{
    private const string GuestId = "29:1GuestUserFromFabrikamAbcDefGhiJkl";
    private const string FabrikamTenant = "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a";

    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync();
        // Ada, the insider, makes the map the outsiders then try to read and change.
        _host.Connector.SetMember(ActivityBuilder.UserId, Member(ActivityBuilder.UserId, ActivityBuilder.TenantId, "user"));
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(ActivityBuilder.TenantId, "guest")]
    [InlineData(ActivityBuilder.TenantId, "anonymous")]
    [InlineData(FabrikamTenant, "user")]
    public async Task Message_FromOutsider_RepliesExternalUserOnlyAndChangesNothing(string tenantId, string role)
    {
        _host.Connector.SetMember(GuestId, Member(GuestId, tenantId, role));
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(FromGuest(new ActivityBuilder().Message("map Acme add Jane Doe")).Build());

        var reply = Assert.Single(_host.Connector.Requests.Skip(before));
        var root = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal(AccessNotices.ExternalUser, root.GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("attachments", out _));
        await AssertMapUntouchedAsync();
    }

    [Fact]
    public async Task Submit_FromGuest_RepliesExternalUserAndShowsNoMap()
    {
        _host.Connector.SetMember(GuestId, Member(GuestId, ActivityBuilder.TenantId, "guest"));
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(FromGuest(new ActivityBuilder().Submit("""{"verb":"command","command":"map Acme"}""")).Build());

        var reply = Assert.Single(_host.Connector.Requests.Skip(before));
        Assert.Contains(AccessNotices.ExternalUser, reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", reply.Body, StringComparison.Ordinal);
        await AssertMapUntouchedAsync();
    }

    [Fact]
    public async Task CardActionInvoke_FromGuest_AnswersExternalUser()
    {
        _host.Connector.SetMember(GuestId, Member(GuestId, ActivityBuilder.TenantId, "guest"));

        var response = await _host.PostAsync(FromGuest(new ActivityBuilder()
            .Invoke(InvokeNames.AdaptiveCardAction, """{"action":{"type":"Action.Execute","verb":"command","data":{"command":"map Acme"}}}""")).Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.GetProperty("type").GetString());
        Assert.Equal(AccessNotices.ExternalUser, body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Message_FromSomeoneNotInTheConversation_RepliesExternalUser()
    {
        _host.Connector.FailMemberLookup(GuestId, 404);
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(FromGuest(new ActivityBuilder().Message("map Acme")).Build());

        Assert.Contains(AccessNotices.ExternalUser, Assert.Single(_host.Connector.Requests.Skip(before)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_MemberLookupFails_DeclinesWithoutShowingTheMap()
    {
        _host.Connector.FailMemberLookup(GuestId, 500);
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(FromGuest(new ActivityBuilder().Message("map Acme add Jane Doe")).Build());

        var reply = Assert.Single(_host.Connector.Requests.Skip(before));
        Assert.Contains(TeamsAccessGate.CouldNotCheck, reply.Body, StringComparison.Ordinal);
        await AssertMapUntouchedAsync();
    }

    [Fact]
    public async Task Message_ConversationOfAnotherTenantThanChannelData_RepliesExternalUser()
    {
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { Conversation = a.Conversation! with { TenantId = FabrikamTenant } }).Build());

        Assert.Contains(AccessNotices.ExternalUser, Assert.Single(_host.Connector.Requests.Skip(before)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_SameMemberAgain_LooksUpOnceThenAgainAfterFiveMinutes()
    {
        var lookups = _host.Connector.MemberLookups.Count;

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());
        Assert.Equal(lookups, _host.Connector.MemberLookups.Count);

        ((FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(5));
        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(lookups + 1, _host.Connector.MemberLookups.Count);
        Assert.Contains(Uri.EscapeDataString(ActivityBuilder.UserId), _host.Connector.MemberLookups[^1], StringComparison.Ordinal);
    }

    private static ActivityBuilder FromGuest(ActivityBuilder builder) =>
        builder.With(a => a with { From = new ChannelAccount { Id = GuestId, Name = "Gus Guest", AadObjectId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" } });

    private static string Member(string id, string tenantId, string role) =>
        JsonSerializer.Serialize(new { id, name = "Someone", tenantId, userRole = role });

    private async Task AssertMapUntouchedAsync()
    {
        var map = Assert.Single(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), CancellationToken.None));
        Assert.Empty(map.Stakeholders);
    }
}
