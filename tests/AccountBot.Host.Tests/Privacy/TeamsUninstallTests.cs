using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Workspaces;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>
/// Data leaves with the tenant on Teams: JWT-signed <c>installationUpdate</c> activities to the real host on LiteDB, the
/// grace period on a fake clock. The tenant counts as gone when the app is removed from its last conversation.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsUninstallTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);
    private static readonly WorkspaceKey Tenant = WorkspaceKey.ForTeams(ActivityBuilder.TenantId);
    private static readonly RequestContext Ada = new(Tenant, new UserRef("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ada Lovelace"), new ChannelRef(ActivityBuilder.PersonalConversationId));
    private static readonly RequestContext OtherTenantUser = new(
        WorkspaceKey.ForTeams("00000000-0000-0000-0000-0000000000b2"), new UserRef("7a", "Bob Other"), new ChannelRef("a:other-chat"));

    private readonly RemovalClock _clock = new();
    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;
    private ErasureScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-uninstall", "uninstall-key", "msteams");
        _host = _rig.Start(_clock.Configure);
        _scenario = new ErasureScenario(_host.Services, Ada);
        await _scenario.SeedAsync();
        var dispatcher = _host.Services.GetRequiredService<CommandDispatcher>();
        await dispatcher.DispatchAsync("map Globex create", OtherTenantUser, CancellationToken.None);
        Assert.Equal(0, await _clock.NextPassAsync());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Remove_FromTheTenantsLastConversation_DataDeletedOnceTheGracePeriodIsOver_OtherTenantKept_NoTraceInTheFile()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Personal("add")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(InChannel("add")));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(InChannel("remove")));
        Assert.Null(await RemovalClock.ScheduledAsync(_host.Services, Tenant));

        var removedAt = _clock.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Personal("remove")));
        var removal = await RemovalClock.ScheduledAsync(_host.Services, Tenant);
        Assert.Equal((removedAt + Grace, "installationUpdate remove"), (removal?.DeleteAfter, removal?.Reason));

        Assert.Equal(0, await _clock.AdvanceAsync(Grace - TimeSpan.FromHours(2)));
        Assert.Equal(_scenario.MapId, (await _scenario.MapAsync()).Id);

        Assert.Equal(1, await _clock.AdvanceAsync(TimeSpan.FromHours(3)));

        Assert.Empty(await _host.Services.GetRequiredService<IAccountMapStore>().ListAsync(Tenant, CancellationToken.None));
        Assert.Empty(await _scenario.HistoryAsync());
        Assert.Null(await _scenario.DigestAsync());
        Assert.Equal(0, (await _host.Services.GetRequiredService<IWorkspaceDataStore>().CountAsync(Tenant, CancellationToken.None)).Total);
        Assert.Single(await _host.Services.GetRequiredService<IAccountMapStore>().ListAsync(OtherTenantUser.Workspace, CancellationToken.None));
        Assert.Empty(ErasureScenario.TracesInDatabaseFiles(_rig.Hosts.DatabasePath));
    }

    [Fact]
    public async Task Add_AgainWithinTheGracePeriod_CancelsTheDeletion()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Personal("add")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Personal("remove")));
        Assert.NotNull(await RemovalClock.ScheduledAsync(_host.Services, Tenant));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Personal("add")));

        Assert.Null(await RemovalClock.ScheduledAsync(_host.Services, Tenant));
        Assert.Equal(0, await _clock.AdvanceAsync(Grace + TimeSpan.FromDays(1)));
        Assert.Equal(_scenario.MapId, (await _scenario.MapAsync()).Id);
        Assert.NotEmpty(await _scenario.HistoryAsync());
    }

    private Task<HttpStatusCode> PostAsync(Activity activity) => _rig.PostAsync(_host, activity);

    private Activity Personal(string action) =>
        new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl).OfType(ActivityTypes.InstallationUpdate).With(a => a with { Text = null, Action = action }).Build();

    private Activity InChannel(string action) =>
        new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl).InChannel("-").OfType(ActivityTypes.InstallationUpdate).With(a => a with { Text = null, Action = action }).Build();
}
