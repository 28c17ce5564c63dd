using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// With <c>Teams:AllowedTenants</c> set, what the decline line says about the tenant: its reason, the tenant id cut to
/// a GUID's length (it came from the request), and "(none)" when the activity names none (issue #18, round 4).
/// </summary>
public sealed class TeamsAccessGateTenantLogMutationTests : IAsyncLifetime
{
    private const string AllowedTenant = "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a";

    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(settings: ("Teams:AllowedTenants:0", AllowedTenant));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_TenantNotAllowed_LogsTheReasonAndTheTenant()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(
            $"Declined a Teams message from tenant {ActivityBuilder.TenantId}: tenant not on Teams:AllowedTenants (1 declined for this reason since the last line)",
            Assert.Single(DeclineLines()));
    }

    [Fact]
    public async Task Message_OverLongTenant_LoggedCutToAGuidsLength()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = ActivityBuilder.TenantId + "-and-more" } } })
            .Build());

        Assert.StartsWith($"Declined a Teams message from tenant {ActivityBuilder.TenantId}: ", Assert.Single(DeclineLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_NamingNoTenant_LoggedAsNone()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { ChannelData = null, Conversation = a.Conversation! with { TenantId = null } })
            .Build());

        Assert.StartsWith("Declined a Teams message from tenant (none): ", Assert.Single(DeclineLines()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed"}}""")]
    [InlineData(500, """{"error":{"code":"ServiceError","message":"down"}}""")]
    public async Task Message_NoticeRefusedByTheConnector_OnlyLogged(int status, string body)
    {
        _host.Connector.Enqueue(status, body);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Contains(_host.Logs.Entries, e => e.Message == "Could not deliver the notice of a declined Teams request");
    }

    private List<string> DeclineLines() =>
        [.. _host.Logs.Entries.Select(e => e.Message).Where(m => m.StartsWith("Declined a Teams ", StringComparison.Ordinal))];
}
