using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class AccountMapStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");
    private static readonly UserRef Rep = new("U0REP1", "Rita Rep");

    [Fact]
    public async Task SaveAsync_FullMapThenReopen_ReadsBackExactly()
    {
        var map = FullMap();
        AccountMap saved;
        saved = await SaveNewAsync(Maps, map);

        await ReopenAsync();
        var loaded = await Maps.GetAsync(Workspace, map.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Same.Equal(map with { Version = 1 }, loaded);
        Same.Equal(saved, loaded);
    }

    [Fact]
    public async Task SaveAsync_LinkEpoch_ReadsBackAfterReopen()
    {
        var map = MapBuilder.For(Workspace).Named("Epochs").WithStakeholders(1).Build() with { LinkEpoch = 3 };
        await SaveNewAsync(Maps, map);

        await ReopenAsync();
        var loaded = await Maps.GetAsync(Workspace, map.Id, CancellationToken.None);

        Assert.Equal(3, loaded?.LinkEpoch);
    }

    [Fact]
    public async Task SaveAsync_DatesWithTicksAndOffsets_ReturnsWhatALoadReturns()
    {
        var odd = new DateTimeOffset(2025, 3, 3, 11, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var map = MapBuilder.For(Workspace).Named("Ticks").At(odd).WithStakeholders(1).Build();
        var store = Maps;

        var saved = await SaveNewAsync(store, map);
        var loaded = await store.GetAsync(Workspace, map.Id, CancellationToken.None);

        // LiteDB stores milliseconds in UTC: the instant survives to the millisecond, offset zero.
        var expected = new DateTimeOffset(2025, 3, 3, 9, 0, 0, 123, TimeSpan.Zero);
        Assert.Equal(expected, saved.Created.At);
        Assert.Equal(TimeSpan.Zero, saved.Created.At.Offset);
        Same.Equal(saved, loaded);
    }

    [Fact]
    public async Task SaveAsync_NewMap_SavedAtVersionOneWithHistory()
    {
        var store = Maps;
        var change = AccountMap.Create(Workspace, "Acme Corp", MapKind.Partner, new Stamp(MapBuilder.DefaultTime, Rep), new ChannelRef("C01", "deals"));

        var result = await store.SaveAsync(change, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(1, result.Map!.Version);
        var history = await store.GetHistoryAsync(Workspace, change.Map.Id, 10, CancellationToken.None);
        var entry = Assert.Single(history);
        Assert.Equal(1, entry.Version);
        Assert.Equal("created the partner map Acme Corp", entry.Summary);
        Same.Equal(change.History, entry);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_VersionConflictWithCurrentMapAndNothingWritten()
    {
        var store = Maps;
        var v1 = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var first = v1.AddStakeholder(StakeholderBuilder.Named("Ann").Build(), Stamp());
        var v2 = (await store.SaveAsync(first, CancellationToken.None)).Map!;

        var stale = v1.AddStakeholder(StakeholderBuilder.Named("Bob").Build(), Stamp());
        var result = await store.SaveAsync(stale, CancellationToken.None);

        Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
        Same.Equal(v2, result.Map);
        Assert.Equal(2, (await store.GetHistoryAsync(Workspace, v1.Id, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SaveAsync_MapDeleted_NotFound()
    {
        var store = Maps;
        var never = MapBuilder.For(Workspace).Named("Ghost").Build() with { Version = 3 };

        var result = await store.SaveAsync(new MapWrite(never, new HistoryEntry(never.Id, 4, MapBuilder.DefaultTime, Rep, "edited", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        Assert.Null(result.Map);
    }

    [Fact]
    public async Task SaveAsync_EightParallelWritersRetryingOnConflict_LoseNothing()
    {
        var store = Maps;
        var created = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Contended").Build());
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;

        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var person = StakeholderBuilder.Named($"Writer {i}").Build();
            while (true)
            {
                var map = await store.GetAsync(Workspace, created.Id, CancellationToken.None);
                var change = map!.AddStakeholder(person, Stamp());
                var result = await store.SaveAsync(change, CancellationToken.None);
                if (result.Outcome == SaveOutcome.Saved)
                {
                    return;
                }

                Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
                Interlocked.Increment(ref conflicts);
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var final = await store.GetAsync(Workspace, created.Id, CancellationToken.None);
        Assert.Equal(9, final!.Version);
        Assert.Equal(
            Enumerable.Range(1, 8).Select(i => $"Writer {i}").Order(),
            final.Stakeholders.Select(s => s.Name).Order());
        var history = await store.GetHistoryAsync(Workspace, created.Id, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 9).Reverse(), history.Select(h => h.Version));
        Assert.Equal(8, history.Count(h => h.Summary.StartsWith("added Writer ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SaveAsync_SameIdempotencyKeyTwice_ChangesMapOnce()
    {
        var store = Maps;
        var v1 = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var change = v1.AddStakeholder(StakeholderBuilder.Named("Jane Doe").Build(), Stamp());
        var write = change with { IdempotencyKey = "form-submit-42" };

        var first = await store.SaveAsync(write, CancellationToken.None);
        var second = await store.SaveAsync(write, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.AlreadyApplied, second.Outcome);
        Same.Equal(first.Map, second.Map);
        var stored = await store.GetAsync(Workspace, v1.Id, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Single(stored.Stakeholders);
        Assert.Equal(2, (await store.GetHistoryAsync(Workspace, v1.Id, 10, CancellationToken.None)).Count);
        Assert.True(await store.IsAppliedAsync(Workspace, "form-submit-42", CancellationToken.None));
        Assert.False(await store.IsAppliedAsync(WorkspaceKey.ForSlack(null, "T99"), "form-submit-42", CancellationToken.None));
        Assert.False(await store.IsAppliedAsync(Workspace, "form-submit-43", CancellationToken.None));
    }

    [Fact]
    public async Task PruneIdempotencyKeysAsync_OlderThanCutoff_ForgottenNewerKept()
    {
        var store = Maps;
        var map = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var old = map.AddStakeholder(StakeholderBuilder.Named("Jane Doe").Build(), Stamp());
        map = (await store.SaveAsync(old with { IdempotencyKey = "form-old" }, CancellationToken.None)).Map!;
        Time.Advance(TimeSpan.FromDays(100));
        var recent = map.AddStakeholder(StakeholderBuilder.Named("John Roe").Build(), Stamp());
        await store.SaveAsync(recent with { IdempotencyKey = "form-new" }, CancellationToken.None);

        var removed = await store.PruneIdempotencyKeysAsync(Time.GetUtcNow() - TimeSpan.FromDays(90), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.False(await store.IsAppliedAsync(Workspace, "form-old", CancellationToken.None));
        Assert.True(await store.IsAppliedAsync(Workspace, "form-new", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_IdempotencyKeyRetriedAfterAnotherEdit_AlreadyAppliedWithCurrentMap()
    {
        var store = Maps;
        var v1 = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var add = v1.AddStakeholder(StakeholderBuilder.Named("Jane Doe").Build(), Stamp());
        await store.SaveAsync(add with { IdempotencyKey = "key-1" }, CancellationToken.None);
        var v2 = await store.GetAsync(Workspace, v1.Id, CancellationToken.None);
        var reviewed = v2!.MarkReviewed(Stamp());
        var v3 = (await store.SaveAsync(reviewed, CancellationToken.None)).Map;

        // The form is submitted again from the map as it was first loaded.
        var retry = await store.SaveAsync(add with { IdempotencyKey = "key-1" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.AlreadyApplied, retry.Outcome);
        Same.Equal(v3, retry.Map);
    }

    [Fact]
    public async Task SaveAsync_FailedWriteWithIdempotencyKey_KeyNotRecorded()
    {
        var store = Maps;
        var v1 = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var stale = v1 with { Version = 7 };
        var change = stale.AddStakeholder(StakeholderBuilder.Named("Jane").Build(), Stamp());

        var conflict = await store.SaveAsync(change with { IdempotencyKey = "key-9" }, CancellationToken.None);
        var fresh = v1.AddStakeholder(StakeholderBuilder.Named("Jane").Build(), Stamp());
        var retry = await store.SaveAsync(fresh with { IdempotencyKey = "key-9" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.VersionConflict, conflict.Outcome);
        Assert.Equal(SaveOutcome.Saved, retry.Outcome);
    }

    [Fact]
    public async Task SaveAsync_NameTakenInWorkspace_NameTakenWithExistingMap()
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme Corp").Build());
        var twin = MapBuilder.For(Workspace).Named("  ACMÉ   corp ").Build();

        var result = await store.SaveAsync(new MapWrite(twin, new HistoryEntry(twin.Id, 1, MapBuilder.DefaultTime, Rep, "created", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.NameTaken, result.Outcome);
        Assert.Equal(acme.Id, result.Map!.Id);
        Assert.Null(await store.GetAsync(Workspace, twin.Id, CancellationToken.None));
        Assert.Empty(await store.GetHistoryAsync(Workspace, twin.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_RenameToTakenName_NameTaken()
    {
        var store = Maps;
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var globex = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Globex").Build());

        var renamed = globex with { Name = "acme" };
        var result = await store.SaveAsync(new MapWrite(renamed, new HistoryEntry(globex.Id, 2, MapBuilder.DefaultTime, Rep, "renamed", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.NameTaken, result.Outcome);
        Assert.Equal("Globex", (await store.GetAsync(Workspace, globex.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task SaveAsync_RenameKeepsOwnName_Saved()
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());

        var recased = acme with { Name = "ACME" };
        var result = await store.SaveAsync(new MapWrite(recased, new HistoryEntry(acme.Id, 2, MapBuilder.DefaultTime, Rep, "renamed", [])), CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal("ACME", (await store.FindByNameAsync(Workspace, "acme", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task SaveAsync_SameNameInTwoWorkspaces_BothSaved()
    {
        var store = Maps;
        var other = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(other).Named("Acme").Build());

        Assert.Single(await store.ListAsync(Workspace, CancellationToken.None));
        Assert.Single(await store.ListAsync(other, CancellationToken.None));
    }

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("acme corp")]
    [InlineData("  ACME   Corp ")]
    [InlineData("Acmé Corp")]
    [InlineData("ACME\tcorp")]
    public async Task FindByNameAsync_CaseAccentWhitespaceVariants_FindsMap(string typed)
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme Corp").Build());

        var found = await store.FindByNameAsync(Workspace, typed, CancellationToken.None);

        Assert.Equal(acme.Id, found?.Id);
    }

    [Theory]
    [InlineData("ACME Inc")]
    [InlineData("acmé  international")]
    public async Task FindByNameAsync_Alias_FindsMap(string typed)
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme Corp").WithAliases("Acme Inc.", "ACME Inc", "Acme International").Build());

        var found = await store.FindByNameAsync(Workspace, typed, CancellationToken.None);

        Assert.Equal(acme.Id, found?.Id);
    }

    [Fact]
    public async Task FindByNameAsync_NameOfOneAliasOfAnother_PrefersName()
    {
        var store = Maps;
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Globex").WithAliases("Initech").Build());
        var initech = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Initech").Build());

        var found = await store.FindByNameAsync(Workspace, "initech", CancellationToken.None);

        Assert.Equal(initech.Id, found?.Id);
    }

    [Fact]
    public async Task FindByNameAsync_AliasRemoved_NoLongerFound()
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").WithAliases("Roadrunner").Build());
        await store.SaveAsync(new MapWrite(acme with { Aliases = [] }, new HistoryEntry(acme.Id, 2, MapBuilder.DefaultTime, Rep, "aliases", [])), CancellationToken.None);

        Assert.Null(await store.FindByNameAsync(Workspace, "roadrunner", CancellationToken.None));
        Assert.Null(await store.FindByNameAsync(Workspace, "   ", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_SeveralMaps_AllOrderedByName()
    {
        var store = Maps;
        foreach (var name in new[] { "Globex", "acme", "Initech" })
        {
            await SaveNewAsync(store, MapBuilder.For(Workspace).Named(name).WithStakeholders(3).Build());
        }

        var maps = await store.ListAsync(Workspace, CancellationToken.None);
        var names = await store.ListNameCandidatesAsync(Workspace, string.Empty, CancellationToken.None);

        Assert.Equal(["acme", "Globex", "Initech"], maps.Select(m => m.Name));
        Assert.All(maps, m => Assert.Equal(3, m.Stakeholders.Count));
        Assert.Equal(["acme", "globex", "initech"], names);
    }

    [Fact]
    public async Task ListLinkedToChannelAsync_LinkAndUnlink_FollowsTheMap()
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").LinkedTo("C01", "deals").Build());
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Globex").LinkedTo("C02").Build());

        Assert.Equal(["Acme"], (await store.ListLinkedToChannelAsync(Workspace, "C01", CancellationToken.None)).Select(m => m.Name));

        var link = acme.LinkChannel(new ChannelRef("C02"), Stamp());
        var linked = (await store.SaveAsync(link, CancellationToken.None)).Map!;
        Assert.Equal(["Acme", "Globex"], (await store.ListLinkedToChannelAsync(Workspace, "C02", CancellationToken.None)).Select(m => m.Name));

        var unlink = linked.UnlinkChannel("C01", Stamp());
        await store.SaveAsync(unlink, CancellationToken.None);
        Assert.Empty(await store.ListLinkedToChannelAsync(Workspace, "C01", CancellationToken.None));
    }

    [Fact]
    public async Task GetHistoryAsync_Limit_NewestFirst()
    {
        var store = Maps;
        var map = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        for (var i = 1; i <= 12; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var change = map.AddStakeholder(StakeholderBuilder.Named($"P{i}").Build(), Stamp());
            map = (await store.SaveAsync(change, CancellationToken.None)).Map!;
        }

        var history = await store.GetHistoryAsync(Workspace, map.Id, 5, CancellationToken.None);

        Assert.Equal([13, 12, 11, 10, 9], history.Select(h => h.Version));
        Assert.Equal("added P12", history[0].Summary);
        Assert.Equal(Time.GetUtcNow(), history[0].At);
        Assert.Empty(await store.GetHistoryAsync(Workspace, map.Id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task GetHistoryAsync_TwoMaps_OnlyThatMapsEntries()
    {
        var store = Maps;
        var acme = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var globex = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Globex").Build());
        var change = globex.MarkReviewed(Stamp());
        await store.SaveAsync(change, CancellationToken.None);

        Assert.Single(await store.GetHistoryAsync(Workspace, acme.Id, 10, CancellationToken.None));
        Assert.Equal(2, (await store.GetHistoryAsync(Workspace, globex.Id, 10, CancellationToken.None)).Count);
    }

    private Stamp Stamp() => new(Time.GetUtcNow(), Rep);

    private static AccountMap FullMap()
    {
        var boss = StakeholderBuilder.Named("Bea Boss").Complete().WithStatus(StakeholderStatus.Active).Build();
        var champion = StakeholderBuilder.Named("Carl Champion").Complete().ReportingTo(boss).WithRoles(Role.Champion | Role.Influencer).Build();
        var blocker = StakeholderBuilder.Named("Dora Blocker").ReportingTo(boss).WithRoles(Role.Blocker | Role.Gatekeeper | Role.EndUser)
            .WithScores(2, 1).WithStance(Stance.Opponent).WithRaci(Raci.Informed).WithStatus(StakeholderStatus.LeftCompany).Build();
        var plain = StakeholderBuilder.Named("Émile  Plain").Build();
        return MapBuilder.For(Workspace)
            .Named("Acme Corp")
            .WithAliases("Acme", "ACME Inc.")
            .WithDomain("acme.example")
            .OfKind(MapKind.Marketing)
            .OwnedBy(Rep)
            .At(new DateTimeOffset(2025, 1, 15, 8, 30, 15, 250, TimeSpan.Zero))
            .ReviewedAt(new DateTimeOffset(2025, 2, 1, 17, 45, 0, TimeSpan.Zero), new UserRef("U0MGR", "Mia Manager"))
            .LinkedTo("C01", "deals-acme")
            .LinkedTo("19:abc@thread.tacv2")
            .WithStakeholder(boss)
            .WithStakeholder(champion)
            .WithStakeholder(blocker)
            .WithStakeholder(plain)
            .WithRelationship(champion, boss, RelationshipKind.Influences, "weekly 1:1")
            .WithRelationship(blocker, champion, RelationshipKind.Rival)
            .Build();
    }
}
