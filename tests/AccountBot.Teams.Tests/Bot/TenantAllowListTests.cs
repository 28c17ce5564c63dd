using System.Net;
using System.Text.Json;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary><c>Teams:AllowedTenants</c>: a tenant not on the list gets one polite line and nothing is stored for it.</summary>
public sealed class TenantAllowListTests : IAsyncLifetime
{
    private const string OtherTenant = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f";
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed"}}""";

    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(settings: ("Teams:AllowedTenants:0", OtherTenant));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_FromTenantNotAllowed_RepliesWorkspaceNotAllowedAndStoresNothing()
    {
        var response = await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Equal(AccessNotices.WorkspaceNotAllowed, JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Message_FromTenantNotAllowedWhereTeamsBlocksTheBot_StoresNoBlockedRow()
    {
        _host.Connector.Enqueue(403, Blocked);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());

        Assert.Single(_host.Connector.Requests);
        Assert.Empty(_host.Blocked.All);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_FromTenantNotAllowed_RepliesWorkspaceNotAllowedAndStoresNothing()
    {
        await _host.PostAsync(new ActivityBuilder().Submit("""{"verb":"command","command":"map Acme create"}""").Build());

        Assert.Contains(AccessNotices.WorkspaceNotAllowed, Assert.Single(_host.Connector.Requests).Body, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CardActionInvoke_FromTenantNotAllowed_AnswersTheNoticeAsTheInvokeResult()
    {
        var response = await _host.PostAsync(new ActivityBuilder()
            .Invoke(InvokeNames.AdaptiveCardAction, """{"action":{"type":"Action.Execute","verb":"command","data":{"command":"map Acme create"}}}""").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.GetProperty("type").GetString());
        Assert.Equal(AccessNotices.WorkspaceNotAllowed, body.GetProperty("value").GetString());
        Assert.Empty(_host.Connector.Requests);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Install_FromTenantNotAllowed_StoresNoAddressAndSendsNothing()
    {
        await _host.PostAsync(new ActivityBuilder().OfType(ActivityTypes.InstallationUpdate).With(a => a with { Action = "add" }).Build());
        await _host.PostAsync(new ActivityBuilder().OfType(ActivityTypes.ConversationUpdate)
            .With(a => a with { MembersAdded = [new ChannelAccount { Id = ActivityBuilder.BotId }] }).Build());

        Assert.Empty(_host.Connector.Requests);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Message_ConversationInAnAllowedTenantButChannelDataNamingAnother_IsRefused()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create")
            .With(a => a with { Conversation = a.Conversation! with { TenantId = OtherTenant } }).Build());

        Assert.Contains(AccessNotices.WorkspaceNotAllowed, Assert.Single(_host.Connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(OtherTenant), CancellationToken.None));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Message_FromAllowedTenant_CreatesTheMap()
    {
        await _host.PostAsync(Allowed(new ActivityBuilder().Message("map Acme create")).Build());

        Assert.Single(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(OtherTenant), CancellationToken.None));
        // The conversation's address, and the sender's own (where a nudge would open a 1:1 chat with them).
        Assert.Equal(["personal", AccountBot.Adapters.Conversations.ConversationAddress.UserType], (await _host.Conversations.ListAsync(Platform.Teams, CancellationToken.None)).Select(a => a.ConversationType).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(AccessNotices.WorkspaceNotAllowed, Assert.Single(_host.Connector.Requests).Body, StringComparison.Ordinal);
    }

    private static ActivityBuilder Allowed(ActivityBuilder builder) => builder.With(a => a with
    {
        Conversation = a.Conversation! with { TenantId = OtherTenant },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = OtherTenant } },
    });

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), CancellationToken.None));
        Assert.Empty(await _host.Conversations.ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(_host.Blocked.All);
    }
}
