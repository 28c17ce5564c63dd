using AccountBot.Core.Abstractions;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>An event id is recorded once within the retention, across a reopen, and by one of two racing callers.</summary>
public abstract class SeenEventStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    [Fact]
    public async Task TryRecordAsync_SameIdWithinRetention_FirstOnly_ThenAgainAfterExpiry()
    {
        Assert.True(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Assert.False(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Assert.True(await SeenEvents.TryRecordAsync("Ev2", CancellationToken.None));

        Time.Advance(ISeenEventStore.Retention - TimeSpan.FromSeconds(1));
        Assert.False(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Assert.False(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task TryRecordAsync_AfterReopen_StillARepeat()
    {
        Assert.True(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));

        await ReopenAsync();

        Assert.False(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task TryRecordAsync_ManyCallersOneId_ExactlyOneFirst()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => SeenEvents.TryRecordAsync("Ev1", CancellationToken.None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TryRecordAsync_ExpiredIdsOfOthers_DoNotMakeANewIdARepeat()
    {
        Assert.True(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Time.Advance(ISeenEventStore.Retention);

        Assert.True(await SeenEvents.TryRecordAsync("Ev2", CancellationToken.None));
        Assert.True(await SeenEvents.TryRecordAsync("Ev1", CancellationToken.None));
        Assert.False(await SeenEvents.TryRecordAsync("Ev2", CancellationToken.None));
    }
}
