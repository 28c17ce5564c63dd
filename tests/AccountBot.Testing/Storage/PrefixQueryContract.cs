using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// Ids and names holding <c>%</c> or <c>_</c> (LIKE's wildcards): a prefix query for one of them must not reach
/// the keys of another workspace, channel or map.
/// </summary>
public abstract class PrefixQueryContract(IStoreHarness harness) : StoreContract(harness)
{
    // The bound of "did you mean" candidates both stores keep (their NameCandidates).
    private const int NameCandidates = 250;

    private static readonly WorkspaceKey Underscore = WorkspaceKey.ForSlack(null, "T_1");
    private static readonly WorkspaceKey LooksAlike = WorkspaceKey.ForSlack(null, "TA1");
    private static readonly WorkspaceKey Percent = WorkspaceKey.ForSlack(null, "T%");

    [Fact]
    public async Task ListAsync_WorkspaceIdWithWildcards_ListsOnlyThatWorkspacesChannels()
    {
        var store = Settings;
        foreach (var workspace in new[] { Underscore, LooksAlike, Percent })
            await store.TrySaveAsync(new ChannelSettings { Workspace = workspace, ChannelId = "C-" + workspace.Value }, CancellationToken.None);

        Assert.Equal(["C-slack:T_1"], (await store.ListAsync(Underscore, CancellationToken.None)).Select(s => s.ChannelId));
        Assert.Equal(["C-slack:T%"], (await store.ListAsync(Percent, CancellationToken.None)).Select(s => s.ChannelId));
    }

    [Fact]
    public async Task PruneAsync_ChannelIdWithWildcard_KeepsThatChannelsLatestWeek()
    {
        var old = MapBuilder.DefaultTime.AddDays(-200);
        var outbox = Outbox;
        foreach (var (channel, week) in new[] { ("C_1", "2024-W30"), ("CX1", "2024-W40") })
        {
            var key = new DigestKey(Underscore, channel, week);
            var item = new DigestItem { MapId = Guid.NewGuid(), Name = "Acme", Owner = MapBuilder.DefaultUser, Gaps = [], Summary = "-", Severity = 1, CommandName = "Acme" };
            var digest = new PlannedDigest(key, new ChannelRef(channel), old, new Digest([item], 0));
            Assert.True(await outbox.TryAddAsync(
                new OutboxEntry { Key = key, State = OutboxState.Sent, Digest = digest, CreatedAt = old, UpdatedAt = old, NextAttemptAt = old },
                CancellationToken.None));
        }

        // Each week is its channel's latest, which pruning always keeps (so no week is sent twice).
        Assert.Equal(0, await outbox.PruneAsync(MapBuilder.DefaultTime, CancellationToken.None));
    }

    [Fact]
    public async Task MapStore_MapNamesWithWildcards_MatchOnlyThemselves()
    {
        var store = Maps;
        var percent = await SaveNewAsync(store, MapBuilder.For(Underscore).Named("Acme%").Build());
        var underscore = await SaveNewAsync(store, MapBuilder.For(Underscore).Named("Acme_").Build());
        await SaveNewAsync(store, MapBuilder.For(Underscore).Named("AcmeX").Build());
        await SaveNewAsync(store, MapBuilder.For(LooksAlike).Named("Globex").Build());

        Assert.Equal(percent.Id, (await store.FindByNameAsync(Underscore, "acme%", CancellationToken.None))?.Id);
        Assert.Equal(underscore.Id, (await store.FindByNameAsync(Underscore, "acme_", CancellationToken.None))?.Id);
        Assert.Null(await store.FindByNameAsync(Underscore, "acm%", CancellationToken.None));
        Assert.Null(await store.FindByNameAsync(Underscore, "acme_x", CancellationToken.None));
        Assert.Equal(["acme%", "acme_", "acmex"], await store.ListNameCandidatesAsync(Underscore, string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task ListNameCandidatesAsync_LargeWorkspace_BoundedAndHoldsTheNearNames()
    {
        var store = Maps;
        for (var i = 0; i < 2 * NameCandidates; i++)
            await SaveNewAsync(store, MapBuilder.For(Underscore).Named(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Account {i:D4}")).Build());
        await SaveNewAsync(store, MapBuilder.For(Underscore).Named("Zeta Corp").Build());

        var typo = await store.ListNameCandidatesAsync(Underscore, "account 025o", CancellationToken.None);
        var prefix = await store.ListNameCandidatesAsync(Underscore, "zeta", CancellationToken.None);

        Assert.Contains("account 0250", typo);
        Assert.Equal(NameCandidates, typo.Count);
        Assert.Contains("zeta corp", prefix);
        Assert.True(prefix.Count <= NameCandidates);
    }

    [Fact]
    public async Task SaveAsync_NewMapWithWorkspaceAtItsLimit_RefusedAndNothingStored()
    {
        var store = Maps;
        await SaveNewAsync(store, MapBuilder.For(Underscore).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(LooksAlike).Named("Globex").Build());
        var map = MapBuilder.For(Underscore).Named("Initech").Build();

        var refused = await store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "created", [])) { MapLimit = 1 }, CancellationToken.None);
        var elsewhere = MapBuilder.For(Percent).Named("Initech").Build();
        var saved = await store.SaveAsync(new MapWrite(elsewhere, new HistoryEntry(elsewhere.Id, 1, elsewhere.Created.At, elsewhere.Owner, "created", [])) { MapLimit = 1 }, CancellationToken.None);

        Assert.Equal(Core.Abstractions.SaveOutcome.LimitReached, refused.Outcome);
        Assert.Null(await store.GetAsync(Underscore, map.Id, CancellationToken.None));
        Assert.Equal(Core.Abstractions.SaveOutcome.Saved, saved.Outcome);
    }
}
