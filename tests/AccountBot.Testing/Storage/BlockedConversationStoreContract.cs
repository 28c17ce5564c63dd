using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class BlockedConversationStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private const string Channel = "19:8a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b@thread.tacv2";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static readonly DateTimeOffset BlockedAt = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);

    private static BlockedConversation Blocked(string key, Platform platform = Platform.Teams, DateTimeOffset? at = null) => new()
    {
        Platform = platform,
        ConversationKey = key,
        TenantId = Tenant,
        BlockedAt = at ?? BlockedAt,
    };

    [Fact]
    public async Task SaveAsync_ThenReopen_ReadsBackExactly()
    {
        await BlockedConversations.SaveAsync(Blocked(Channel), CancellationToken.None);

        await ReopenAsync();
        var read = await BlockedConversations.ListAsync(Platform.Teams, CancellationToken.None);

        Assert.Equal([Blocked(Channel)], read);
    }

    [Fact]
    public async Task DeleteAsync_ThenReopen_IsGoneAndOthersStay()
    {
        var store = BlockedConversations;
        await store.SaveAsync(Blocked(Channel), CancellationToken.None);
        await store.SaveAsync(Blocked("a:personal-chat"), CancellationToken.None);
        await store.DeleteAsync(Platform.Teams, Channel, CancellationToken.None);

        await ReopenAsync();
        var read = await BlockedConversations.ListAsync(Platform.Teams, CancellationToken.None);

        Assert.Equal(["a:personal-chat"], read.Select(b => b.ConversationKey));
    }

    [Fact]
    public async Task SaveAsync_SameKeyTwice_KeepsOneEntryWithTheLatest()
    {
        var store = BlockedConversations;

        await store.SaveAsync(Blocked(Channel), CancellationToken.None);
        await store.SaveAsync(Blocked(Channel, at: BlockedAt.AddDays(1)), CancellationToken.None);

        Assert.Equal(BlockedAt.AddDays(1), Assert.Single(await store.ListAsync(Platform.Teams, CancellationToken.None)).BlockedAt);
    }

    [Fact]
    public async Task ListAndDelete_AreScopedByPlatform()
    {
        var store = BlockedConversations;
        await store.SaveAsync(Blocked("C01", Platform.Teams), CancellationToken.None);
        await store.SaveAsync(Blocked("C01", Platform.Slack), CancellationToken.None);

        await store.DeleteAsync(Platform.Slack, "C01", CancellationToken.None);

        Assert.Equal([Blocked("C01", Platform.Teams)], await store.ListAsync(Platform.Teams, CancellationToken.None));
        Assert.Empty(await store.ListAsync(Platform.Slack, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_NotStored_IsNotAnError()
    {
        var store = BlockedConversations;

        await store.DeleteAsync(Platform.Teams, Channel, CancellationToken.None);

        Assert.Empty(await store.ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAndDelete_ConcurrentlyOnManyKeys_EachKeyEndsAsItsLastWrite()
    {
        var store = BlockedConversations;

        // In parallel across keys, in order per key: even keys end blocked, odd keys end unblocked.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var key = "a:chat-" + i;
            await store.SaveAsync(Blocked(key), CancellationToken.None);
            await store.DeleteAsync(Platform.Teams, key, CancellationToken.None);
            if (i % 2 == 0)
                await store.SaveAsync(Blocked(key), CancellationToken.None);
        })));

        await ReopenAsync();
        var read = await BlockedConversations.ListAsync(Platform.Teams, CancellationToken.None);

        Assert.Equal(
            Enumerable.Range(0, 40).Where(i => i % 2 == 0).Select(i => "a:chat-" + i).Order(StringComparer.Ordinal),
            read.Select(b => b.ConversationKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retention_PruningEverythingBeforeFarFuture_LeavesBlockedConversations()
    {
        var store = BlockedConversations;
        var ancient = Blocked(Channel, at: new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await store.SaveAsync(ancient, CancellationToken.None);
        var farFuture = MapBuilder.DefaultTime.AddYears(100);

        await Maps.PruneIdempotencyKeysAsync(farFuture, CancellationToken.None);
        await Outbox.PruneAsync(farFuture, CancellationToken.None);

        Assert.Equal([ancient], await store.ListAsync(Platform.Teams, CancellationToken.None));
    }
}
