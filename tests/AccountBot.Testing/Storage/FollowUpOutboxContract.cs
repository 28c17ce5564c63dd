using AccountBot.Adapters.FollowUps;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// Follow-up work kept until sent: read back as stored, claimed by one owner at a time, taken over only once its lease
/// has run out, never claimed again once completed, and all of it still there after a restart.
/// </summary>
public abstract class FollowUpOutboxContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private StoredFollowUp Item(string owner = "a", int steps = 2) => new()
    {
        Id = Guid.NewGuid(),
        Steps = [.. Enumerable.Range(0, steps).Select(i => new FollowUpStep("slack.announcement", $$"""{"channel":"C{{i}}","text":"Émile \"saved\""}"""))],
        CreatedAt = Time.GetUtcNow(),
        Owner = owner,
        LeaseUntil = Time.GetUtcNow() + Lease,
    };

    [Fact]
    public async Task AddAsync_ThenGet_ReadsBackTheStepsInOrder()
    {
        var item = Item(steps: 3);

        await FollowUps.AddAsync(item, CancellationToken.None);

        var stored = await FollowUps.GetAsync(item.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(item.Steps, stored.Steps);
        Assert.Equal((item.Owner, item.LeaseUntil, item.CreatedAt, 0), (stored.Owner, stored.LeaseUntil, stored.CreatedAt, stored.Next));
    }

    [Fact]
    public async Task ClaimExpiredAsync_LeaseNotOver_NothingClaimed()
    {
        var item = Item();
        await FollowUps.AddAsync(item, CancellationToken.None);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        var claimed = await FollowUps.ClaimExpiredAsync("b", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None);

        Assert.Empty(claimed);
        Assert.True(await FollowUps.AdvanceAsync(item.Id, "a", 1, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimExpiredAsync_OwnerDied_AnotherTakesItOverFromTheFirstUnsentStepAndTheOldOwnerChangesNothing()
    {
        var item = Item(steps: 3);
        await FollowUps.AddAsync(item, CancellationToken.None);
        Assert.True(await FollowUps.AdvanceAsync(item.Id, "a", 1, CancellationToken.None));

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var claimed = await FollowUps.ClaimExpiredAsync("b", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None);

        var taken = Assert.Single(claimed);
        Assert.Equal((item.Id, "b", 1, Time.GetUtcNow() + Lease), (taken.Id, taken.Owner, taken.Next, taken.LeaseUntil));
        Assert.False(await FollowUps.AdvanceAsync(item.Id, "a", 2, CancellationToken.None));
        Assert.False(await FollowUps.RenewAsync(item.Id, "a", Time.GetUtcNow() + Lease, CancellationToken.None));
        Assert.False(await FollowUps.CompleteAsync(item.Id, "a", CancellationToken.None));
        Assert.Empty(await FollowUps.ClaimExpiredAsync("c", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None));
        Assert.Equal(1, (await FollowUps.GetAsync(item.Id, CancellationToken.None))!.Next);
    }

    [Fact]
    public async Task CompleteAsync_ThenLeaseOver_NeverClaimedAgain()
    {
        var item = Item();
        await FollowUps.AddAsync(item, CancellationToken.None);

        Assert.True(await FollowUps.CompleteAsync(item.Id, "a", CancellationToken.None));
        Time.Advance(Lease * 2);

        Assert.Empty(await FollowUps.ClaimExpiredAsync("b", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None));
        Assert.Null(await FollowUps.GetAsync(item.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_BeforeTheLeaseEnds_KeepsOthersOffPastTheOldLease()
    {
        var item = Item();
        await FollowUps.AddAsync(item, CancellationToken.None);

        Time.Advance(Lease / 2);
        Assert.True(await FollowUps.RenewAsync(item.Id, "a", Time.GetUtcNow() + Lease, CancellationToken.None));
        Time.Advance(Lease / 2 + TimeSpan.FromSeconds(1));

        Assert.Empty(await FollowUps.ClaimExpiredAsync("b", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_ItsOwnersItemsOnly_ClaimableAtOnce()
    {
        var mine = Item("a");
        var other = Item("b");
        await FollowUps.AddAsync(mine, CancellationToken.None);
        await FollowUps.AddAsync(other, CancellationToken.None);

        Assert.Equal(1, await FollowUps.ReleaseAsync("a", Time.GetUtcNow(), CancellationToken.None));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var claimed = await FollowUps.ClaimExpiredAsync("c", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None);

        Assert.Equal([mine.Id], claimed.Select(i => i.Id));
    }

    [Fact]
    public async Task ClaimExpiredAsync_MoreThanMax_OldestFirstAndTheRestOnTheNextClaim()
    {
        var items = new List<StoredFollowUp>();
        for (var i = 0; i < 5; i++)
        {
            items.Add(Item());
            await FollowUps.AddAsync(items[^1], CancellationToken.None);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Time.Advance(Lease);
        var first = await FollowUps.ClaimExpiredAsync("b", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 3, CancellationToken.None);
        var second = await FollowUps.ClaimExpiredAsync("c", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 3, CancellationToken.None);

        Assert.Equal(items.Take(3).Select(i => i.Id), first.Select(i => i.Id));
        Assert.Equal(items.Skip(3).Select(i => i.Id), second.Select(i => i.Id));
    }

    [Fact]
    public async Task ClaimExpiredAsync_ManyClaimersAtOnce_EachItemClaimedOnce()
    {
        var items = new List<StoredFollowUp>();
        for (var i = 0; i < 40; i++)
        {
            items.Add(Item());
            await FollowUps.AddAsync(items[^1], CancellationToken.None);
        }

        Time.Advance(Lease * 2);
        var now = Time.GetUtcNow();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimers = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<Guid>();
            while (await FollowUps.ClaimExpiredAsync("claimer" + c, now, now + Lease, 3, CancellationToken.None) is { Count: > 0 } claimed)
                mine.AddRange(claimed.Select(i => i.Id));
            return mine;
        })).ToList();
        start.SetResult();
        var won = (await Task.WhenAll(claimers)).SelectMany(m => m).ToList();

        Assert.Equal(items.Select(i => i.Id).Order(), won.Order());
    }

    [Fact]
    public async Task ReopenAsync_ItemsKeptWithTheirProgress()
    {
        var item = Item(steps: 2);
        await FollowUps.AddAsync(item, CancellationToken.None);
        Assert.True(await FollowUps.AdvanceAsync(item.Id, "a", 1, CancellationToken.None));

        await ReopenAsync();
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var claimed = Assert.Single(await FollowUps.ClaimExpiredAsync("after-restart", Time.GetUtcNow(), Time.GetUtcNow() + Lease, 10, CancellationToken.None));

        Assert.Equal((item.Id, 1), (claimed.Id, claimed.Next));
        Assert.Equal(item.Steps, claimed.Steps);
    }
}
