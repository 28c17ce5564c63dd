using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class ConversationStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Tenant = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");
    private static readonly WorkspaceKey OtherTenant = WorkspaceKey.ForTeams("00000000-0000-0000-0000-000000000001");
    private static ConversationAddress Address(WorkspaceKey workspace, string channel, string serviceUrl = "https://smba.trafficmanager.net/emea/") => new()
    {
        Workspace = workspace,
        ChannelId = channel,
        ChannelName = "Deals",
        ConversationId = channel + ";messageid=1",
        ServiceUrl = serviceUrl,
        BotId = "28:bot",
        BotName = "AccountBot",
        TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ConversationType = "channel",
        UpdatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero),
    };

    [Fact]
    public async Task SaveAsync_ThenReopen_ReadsBackExactlyAndLatestWins()
    {
        const string channel = "19:abc@thread.tacv2";
        var store = Conversations;
        await store.SaveAsync(Address(Tenant, channel, "https://old.example/"), CancellationToken.None);
        await store.SaveAsync(Address(Tenant, channel), CancellationToken.None);

        await ReopenAsync();
        var read = await Conversations.GetAsync(Tenant, channel, CancellationToken.None);

        Assert.Equal(Address(Tenant, channel), read);
    }

    [Fact]
    public async Task GetAndList_AreScopedByWorkspaceAndPlatform()
    {
        var store = Conversations;
        await store.SaveAsync(Address(Tenant, "19:a@thread.tacv2"), CancellationToken.None);
        await store.SaveAsync(Address(WorkspaceKey.ForSlack(null, "T01"), "C01") with { ServiceUrl = null }, CancellationToken.None);

        Assert.Null(await store.GetAsync(OtherTenant, "19:a@thread.tacv2", CancellationToken.None));
        Assert.Equal("19:a@thread.tacv2", Assert.Single(await store.ListAsync(Platform.Teams, CancellationToken.None)).ChannelId);
        Assert.Equal("C01", Assert.Single(await store.ListAsync(Platform.Slack, CancellationToken.None)).ChannelId);
    }
}
