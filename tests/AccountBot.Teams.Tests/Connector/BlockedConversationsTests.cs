using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Connector;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Connector;

public sealed class BlockedConversationsTests
{
    private const string Channel = ActivityBuilder.ChannelId;
    private const string Thread = Channel + ";messageid=1714986001123";
    private const string Tenant = ActivityBuilder.TenantId;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryBlockedConversationStore _store = new();
    private readonly FakeTimeProvider _time = new(Now);

    /// <summary>What one process builds: a new instance over the same store is a restart.</summary>
    private BlockedConversations Process() => new(_store, _time);

    private static BlockedConversation Stored(string key) =>
        new() { Platform = Platform.Teams, ConversationKey = key, TenantId = Tenant, BlockedAt = Now.AddDays(-3) };

    [Fact]
    public async Task IsBlockedAsync_ManyChecks_ReadsTheStoreOnceThenAnswersFromMemory()
    {
        await _store.SaveAsync(Stored(Channel), CancellationToken.None);
        var blocked = Process();

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(await blocked.IsBlockedAsync(Thread, CancellationToken.None));
            Assert.False(await blocked.IsBlockedAsync("a:chat-" + i, CancellationToken.None));
        }

        // Gone from the record behind its back: the answer still comes from what was loaded.
        await _store.DeleteAsync(Platform.Teams, Channel, CancellationToken.None);

        Assert.True(await blocked.IsBlockedAsync(Channel, CancellationToken.None));
        Assert.Equal(1, _store.Lists);
    }

    [Fact]
    public async Task BlockAsync_ChannelThread_BlocksTheChannelAndRecordsWhenAndWhose()
    {
        var blocked = Process();

        await blocked.BlockAsync(Thread, Tenant, CancellationToken.None);

        Assert.True(await blocked.IsBlockedAsync(Channel, CancellationToken.None));
        Assert.True(await blocked.IsBlockedAsync(Channel + ";messageid=999", CancellationToken.None));
        Assert.False(await blocked.IsBlockedAsync("19:other@thread.tacv2", CancellationToken.None));
        Assert.Equal(
            new BlockedConversation { Platform = Platform.Teams, ConversationKey = Channel, TenantId = Tenant, BlockedAt = Now },
            Assert.Single(_store.All));
    }

    [Fact]
    public async Task BlockAsync_AlreadyBlocked_KeepsTheFirstTimeWithoutWriting()
    {
        var blocked = Process();
        await blocked.BlockAsync(Thread, Tenant, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        await blocked.BlockAsync(Channel, null, CancellationToken.None);

        Assert.Equal(1, _store.Writes);
        Assert.Equal(Now, Assert.Single(_store.All).BlockedAt);
    }

    [Fact]
    public async Task UnblockAsync_ThreadOfABlockedChannel_UnblocksAndForgets()
    {
        var blocked = Process();
        await blocked.BlockAsync(Channel, Tenant, CancellationToken.None);

        await blocked.UnblockAsync(Thread, CancellationToken.None);

        Assert.False(await blocked.IsBlockedAsync(Channel, CancellationToken.None));
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task UnblockAsync_NotBlocked_DoesNotWrite()
    {
        await Process().UnblockAsync(Channel, CancellationToken.None);

        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task Restart_OnTheSameStore_RemembersBlocksAndUnblocks()
    {
        await Process().BlockAsync(Thread, Tenant, CancellationToken.None);

        var second = Process();
        Assert.True(await second.IsBlockedAsync(Channel, CancellationToken.None));
        await second.UnblockAsync(Channel, CancellationToken.None);

        Assert.False(await Process().IsBlockedAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task IsBlockedAsync_StoreFailsOnce_ThrowsThenLoadsOnTheNextCheck()
    {
        await _store.SaveAsync(Stored(Channel), CancellationToken.None);
        var blocked = Process();
        _store.FailNextList();

        await Assert.ThrowsAsync<IOException>(() => blocked.IsBlockedAsync(Channel, CancellationToken.None).AsTask());

        Assert.True(await blocked.IsBlockedAsync(Channel, CancellationToken.None));
        Assert.Equal(2, _store.Lists);
    }

    [Fact]
    public async Task BlockAsync_WhileAnUnblockIsBeingWritten_WaitsForItThenBlocks()
    {
        var blocked = Process();
        await blocked.BlockAsync(Channel, Tenant, CancellationToken.None);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.HoldWritesUntil(release.Task);

        // The bot is installed again (the delete is under way) while a send that started earlier is refused.
        var unblock = blocked.UnblockAsync(Channel, CancellationToken.None).AsTask();
        var block = blocked.BlockAsync(Thread, Tenant, CancellationToken.None).AsTask();
        release.SetResult();
        await Task.WhenAll(unblock, block);

        Assert.True(await blocked.IsBlockedAsync(Channel, CancellationToken.None));
        Assert.Equal(Channel, Assert.Single(_store.All).ConversationKey);
    }

    [Fact]
    public async Task BlockAndUnblock_Concurrently_MemoryAndStoreAgree()
    {
        var blocked = Process();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Racing writes on a few keys, with checks in between; every key sees blocks and unblocks from many tasks.
        var tasks = Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var key = "a:chat-" + (i % 8);
            if (i % 3 == 0)
                await blocked.UnblockAsync(key, CancellationToken.None);
            else
                await blocked.BlockAsync(key + ";messageid=" + i, Tenant, CancellationToken.None);
            await blocked.IsBlockedAsync(key, CancellationToken.None);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(tasks);

        var stored = _store.All.Select(b => b.ConversationKey).ToHashSet(StringComparer.Ordinal);
        var restarted = Process();
        for (var k = 0; k < 8; k++)
        {
            var key = "a:chat-" + k;
            Assert.Equal(stored.Contains(key), await blocked.IsBlockedAsync(key, CancellationToken.None));
            Assert.Equal(stored.Contains(key), await restarted.IsBlockedAsync(key, CancellationToken.None));
        }

        Assert.Equal(2, _store.Lists); // one load per process, however many callers raced for the first
    }
}
