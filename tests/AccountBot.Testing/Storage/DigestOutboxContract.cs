using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class DigestOutboxContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T02");
    private static readonly WorkspaceKey Other = WorkspaceKey.ForSlack(null, "T99");
    private static readonly DateTimeOffset Now = MapBuilder.DefaultTime;

    private static PlannedDigest Digest(WorkspaceKey workspace, string channelId, string week = "2025-W10")
    {
        var items = new[]
        {
            new DigestItem
            {
                MapId = Guid.NewGuid(),
                Name = "Acme Corp",
                Owner = new UserRef("U1", "Ana Rep"),
                Gaps = [new CoverageGap(CoverageGapKind.NoChampion, "no champion"), new CoverageGap(CoverageGapKind.StaleContact, "Dana not contacted for 50 days", Guid.NewGuid())],
                Summary = "no champion; Dana not contacted for 50 days",
                Severity = 42,
                CommandName = "\"Acme Corp\"",
            },
        };
        return new PlannedDigest(new DigestKey(workspace, channelId, week), new ChannelRef(channelId, "deals | emea"), Now.AddTicks(1234), new Digest(items, 3));
    }

    private static OutboxEntry Pending(PlannedDigest digest) => new()
    {
        Key = digest.Key,
        State = OutboxState.Pending,
        Digest = digest,
        CreatedAt = Now,
        UpdatedAt = Now,
        NextAttemptAt = Now,
    };

    [Fact]
    public async Task TryAddAsync_SameKeyTwice_SecondRefusedAndFirstKept()
    {
        var outbox = Outbox;
        var first = Pending(Digest(Workspace, "C1"));
        var second = Pending(Digest(Workspace, "C1")) with { State = OutboxState.Settled, Digest = null };

        Assert.True(await outbox.TryAddAsync(first, CancellationToken.None));
        Assert.False(await outbox.TryAddAsync(second, CancellationToken.None));

        var stored = await outbox.GetAsync(first.Key, CancellationToken.None);
        Assert.Equal(OutboxState.Pending, stored!.State);
        Assert.Single(await outbox.ListKeysAsync(Workspace, CancellationToken.None));
    }

    [Fact]
    public async Task TryAddAsync_ThenReopen_EntryAndFrozenDigestReadBackExactly()
    {
        var digest = Digest(Workspace, "C|1");
        Assert.True(await Outbox.TryAddAsync(Pending(digest), CancellationToken.None));

        await ReopenAsync();
        var stored = await Outbox.GetAsync(digest.Key, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(digest.Key, stored.Key);
        Assert.Equal(0, stored.Revision);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(digest.Channel, stored.Digest!.Channel);
        Assert.Equal(digest.Occurrence.AddTicks(-1234), stored.Digest.Occurrence);
        Assert.Equal(3, stored.Digest.MoreCount);
        var item = Assert.Single(stored.Digest.Items);
        Assert.Equal(digest.Items[0] with { Gaps = item.Gaps }, item);
        Assert.Equal(digest.Items[0].Gaps, item.Gaps);
    }

    [Fact]
    public async Task TryUpdateAsync_LifecycleThenReopen_EachStepBumpsRevisionAndSurvives()
    {
        var digest = Digest(Workspace, "C1");
        var attempt = Guid.NewGuid();
        var outbox = Outbox;
        await outbox.TryAddAsync(Pending(digest), CancellationToken.None);
        var pending = await outbox.GetAsync(digest.Key, CancellationToken.None);
        var sending = await outbox.TryUpdateAsync(
            pending! with { State = OutboxState.Sending, Attempts = 3, ThrottledAttempts = 2, Checks = 1, AttemptId = attempt, AttemptStartedAt = Now },
            CancellationToken.None);
        Assert.Equal(1, sending!.Revision);
        var sent = await outbox.TryUpdateAsync(sending with { State = OutboxState.Sent, SentAt = Now.AddSeconds(1), MessageId = "1700000000.000100" }, CancellationToken.None);
        Assert.Equal(2, sent!.Revision);

        await ReopenAsync();
        var stored = await Outbox.GetAsync(digest.Key, CancellationToken.None);
        Assert.Equal(OutboxState.Sent, stored!.State);
        Assert.Equal(attempt, stored.AttemptId);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(2, stored.ThrottledAttempts);
        Assert.Equal(1, stored.Checks);
        Assert.Equal(Now.AddSeconds(1), stored.SentAt);
        Assert.Equal("1700000000.000100", stored.MessageId);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleRevision_RefusedAndNothingChanges()
    {
        var outbox = Outbox;
        var digest = Digest(Workspace, "C1");
        await outbox.TryAddAsync(Pending(digest), CancellationToken.None);
        var loaded = await outbox.GetAsync(digest.Key, CancellationToken.None);

        var first = await outbox.TryUpdateAsync(loaded! with { State = OutboxState.Sending, AttemptId = Guid.NewGuid() }, CancellationToken.None);
        var second = await outbox.TryUpdateAsync(loaded with { State = OutboxState.Sending, AttemptId = Guid.NewGuid() }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first.AttemptId, (await outbox.GetAsync(digest.Key, CancellationToken.None))!.AttemptId);
    }

    [Fact]
    public async Task TryUpdateAsync_MissingEntry_Refused()
    {

        var updated = await Outbox.TryUpdateAsync(Pending(Digest(Workspace, "C1")), CancellationToken.None);

        Assert.Null(updated);
    }

    [Fact]
    public async Task ListKeysAsync_TwoWorkspaces_OnlyTheAskedWorkspacesKeys()
    {
        var outbox = Outbox;
        await outbox.TryAddAsync(Pending(Digest(Workspace, "C1")), CancellationToken.None);
        await outbox.TryAddAsync(Pending(Digest(Workspace, "C2")) with { State = OutboxState.Settled, Digest = null }, CancellationToken.None);
        await outbox.TryAddAsync(Pending(Digest(Other, "C1")), CancellationToken.None);

        var keys = await outbox.ListKeysAsync(Workspace, CancellationToken.None);

        Assert.Equal(["slack:E01:T02|C1|2025-W10", "slack:E01:T02|C2|2025-W10"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListByStateAsync_MixedStates_OnlyThatStateOldestFirst()
    {
        var outbox = Outbox;
        await outbox.TryAddAsync(Pending(Digest(Workspace, "C2")) with { CreatedAt = Now.AddMinutes(1) }, CancellationToken.None);
        await outbox.TryAddAsync(Pending(Digest(Workspace, "C1")), CancellationToken.None);
        await outbox.TryAddAsync(Pending(Digest(Workspace, "C3")) with { State = OutboxState.Settled, Digest = null }, CancellationToken.None);

        var pending = await outbox.ListByStateAsync(OutboxState.Pending, CancellationToken.None);
        var settled = await outbox.ListByStateAsync(OutboxState.Settled, CancellationToken.None);

        Assert.Equal(["C1", "C2"], pending.Select(e => e.Key.ChannelId));
        Assert.Null(Assert.Single(settled).Digest);
    }

    [Fact]
    public async Task PruneAsync_OldFinalEntries_RemovedExceptEachChannelsLatestWeekAndUnfinishedOnes()
    {
        var old = Now.AddDays(-200);
        var outbox = Outbox;
        async Task AddAsync(WorkspaceKey workspace, string channel, string week, OutboxState state, DateTimeOffset updated) =>
            Assert.True(await outbox.TryAddAsync(
                Pending(Digest(workspace, channel, week)) with { State = state, UpdatedAt = updated }, CancellationToken.None));

        await AddAsync(Workspace, "C1", "2024-W30", OutboxState.Sent, old);
        await AddAsync(Workspace, "C1", "2024-W31", OutboxState.Settled, old);
        await AddAsync(Workspace, "C1", "2024-W32", OutboxState.Failed, old);
        await AddAsync(Workspace, "C2", "2024-W30", OutboxState.Pending, old);
        await AddAsync(Workspace, "C2", "2024-W31", OutboxState.Sending, old);
        await AddAsync(Workspace, "C2", "2024-W29", OutboxState.Superseded, old);
        await AddAsync(Other, "C1", "2024-W30", OutboxState.Sent, old);
        await AddAsync(Other, "C1", "2025-W09", OutboxState.Sent, Now);
        await AddAsync(Other, "C1", "2024-W52", OutboxState.Sent, Now.AddDays(-30));

        Assert.Equal(4, await outbox.PruneAsync(Now.AddDays(-90), CancellationToken.None));

        await ReopenAsync();
        var left = Outbox;
        Assert.Equal(["slack:E01:T02|C1|2024-W32", "slack:E01:T02|C2|2024-W30", "slack:E01:T02|C2|2024-W31"], (await left.ListKeysAsync(Workspace, CancellationToken.None)).Order(StringComparer.Ordinal));
        Assert.Equal(["slack:T99|C1|2024-W52", "slack:T99|C1|2025-W09"], (await left.ListKeysAsync(Other, CancellationToken.None)).Order(StringComparer.Ordinal));
    }
}
