using System.Text.Json;
using AccountBot.Core.Access;
using AccountBot.Core.Logging;
using AccountBot.Teams.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// What <see cref="TeamsAccessGate"/> logs when it declines: the reason an operator reads (the person only sees the
/// notice), the tenant cut to a GUID's length, one line a second per reason. Found by mutation testing (issue #18,
/// round 4): no test read the log, so any reason could be emptied or swapped unnoticed.
/// </summary>
public sealed class TeamsAccessGateReasonMutationTests : IAsyncLifetime
{
    private const string OtherTenant = "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a";
    private const string ColleagueId = "29:1ColleagueOfAdaAbcDefGhiJklMnoPqr";

    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_ConversationTenantDiffersFromChannelData_LogsThatReason()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { Conversation = a.Conversation! with { TenantId = OtherTenant } }).Build());

        Assert.Equal(["conversation.tenantId differs from channelData.tenant.id"], DeclineReasons());
    }

    [Fact]
    public async Task Message_WithoutSender_LogsThatItCouldNotLookTheSenderUp()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme").With(a => a with { From = null }).Build());

        Assert.Equal(["no sender, conversation or serviceUrl to look the sender up"], DeclineReasons());
    }

    [Fact]
    public async Task Message_MemberLookupFails_LogsTheLookupFailure()
    {
        _host.Connector.FailMemberLookup(ActivityBuilder.UserId, 500);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(["member lookup failed"], DeclineReasons());
    }

    [Fact]
    public async Task Message_SenderNotInTheConversation_LogsNotAMember()
    {
        _host.Connector.FailMemberLookup(ActivityBuilder.UserId, 404);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(["sender is not a member of the conversation"], DeclineReasons());
    }

    [Theory]
    [InlineData("guest", "sender's userRole is guest")]
    [InlineData("sixteen-chars-ok", "sender's userRole is sixteen-chars-ok")]
    [InlineData("seventeen-chars-x", "sender is not a user of the tenant")]
    public async Task Message_SenderWithAnotherRole_LogsTheRoleOnlyWhenShort(string role, string reason)
    {
        _host.Connector.SetMember(ColleagueId, Member(ColleagueId, ActivityBuilder.TenantId, role));

        await PostAsColleagueAsync();

        Assert.Equal([reason], DeclineReasons());
    }

    [Fact]
    public async Task Message_SenderOfAnotherTenant_LogsAnotherTenant()
    {
        _host.Connector.SetMember(ColleagueId, Member(ColleagueId, OtherTenant, "user"));

        await PostAsColleagueAsync();

        Assert.Equal(["sender belongs to another tenant"], DeclineReasons());
    }

    [Fact]
    public async Task Message_SameReasonTwiceInOneSecond_OneLineThenTheCountAfterASecond()
    {
        _host.Connector.FailMemberLookup(ActivityBuilder.UserId, 404);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());
        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());
        Assert.Single(DeclineLines());

        ((FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromSeconds(1));
        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Contains("(2 declined for this reason", DeclineLines()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_TwoReasonsInOneSecond_EachLogged()
    {
        _host.Connector.FailMemberLookup(ActivityBuilder.UserId, 404);
        _host.Connector.SetMember(ColleagueId, Member(ColleagueId, ActivityBuilder.TenantId, "guest"));

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());
        await PostAsColleagueAsync();

        Assert.Equal(["sender is not a member of the conversation", "sender's userRole is guest"], DeclineReasons());
    }

    [Fact]
    public async Task Message_Declined_LogNamesTheActivityTypeAndTenant()
    {
        _host.Connector.FailMemberLookup(ActivityBuilder.UserId, 404);

        await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.StartsWith($"Declined a Teams message from tenant {ActivityBuilder.TenantId}: ", Assert.Single(DeclineLines()), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullOptions_RefusedNamingThem()
    {
        var services = _host.Services;

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new TeamsAccessGate(
            null!, services.GetRequiredService<TeamsMemberDirectory>(), services.GetRequiredService<RejectionLog>(), NullLogger<TeamsAccessGate>.Instance)).ParamName);
    }

    [Fact]
    public async Task CheckAsync_ConnectorUnreachable_CouldNotCheck()
    {
        // Port 1 on loopback: nothing listens, so the lookup fails with HttpRequestException.
        var refusal = await CheckDirectlyAsync(new ActivityBuilder().Message("map Acme").WithServiceUrl("http://127.0.0.1:1/").Build(), CancellationToken.None);

        Assert.Equal(TeamsAccessGate.CouldNotCheck, refusal?.Notice);
        Assert.Equal("member lookup failed", refusal?.Reason);
    }

    [Fact]
    public async Task CheckAsync_CancelledByTheCaller_ThrowsInsteadOfDeclining()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CheckDirectlyAsync(new ActivityBuilder().Message("map Acme").WithServiceUrl(_host.Connector.ServiceUrl).Build(), cancelled.Token));
    }

    private Task<AccessRefusal?> CheckDirectlyAsync(Activity activity, CancellationToken cancellationToken)
    {
        var services = _host.Services;
        var turn = new TeamsTurn(activity, isAuthenticated: false, identity: null, services);
        return services.GetRequiredService<TeamsAccessGate>().CheckAsync(turn, cancellationToken);
    }

    private Task PostAsColleagueAsync() =>
        _host.PostAsync(new ActivityBuilder().Message("map Acme")
            .With(a => a with { From = new ChannelAccount { Id = ColleagueId, Name = "Grace Hopper", AadObjectId = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d" } })
            .Build());

    private List<string> DeclineLines() =>
        [.. _host.Logs.Entries.Select(e => e.Message).Where(m => m.StartsWith("Declined a Teams ", StringComparison.Ordinal))];

    /// <summary>The reason of each decline line, in order.</summary>
    private List<string> DeclineReasons() =>
        [.. DeclineLines().Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..line.LastIndexOf(" (", StringComparison.Ordinal)])];

    private static string Member(string id, string tenantId, string role) =>
        JsonSerializer.Serialize(new { id, name = "Someone", tenantId, userRole = role });
}
