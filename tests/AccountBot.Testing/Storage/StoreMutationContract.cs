using System.Globalization;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// The stores' rules that mutation testing (issue #18, round 5) found unstated for PostgreSQL and that hold for both
/// stores: arguments refused by name, the history limit's edge, the workspace listing's order, the 250-name bound of
/// "did you mean", a name without letters, a platform that begins another's name, null outbox entries, a missing
/// outbox entry and the outbox listing's tie-break (the LiteDB store's own mutation tests stated some of them for
/// LiteDB alone in rounds 3 and 4).
/// </summary>
public abstract class StoreMutationContract(IStoreHarness harness) : StoreContract(harness)
{
    // The bound of "did you mean" candidates both stores keep (their NameCandidates).
    private const int NameCandidates = 250;

    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");

    [Fact]
    public async Task MapStore_MissingArgument_RefusedNamingIt()
    {
        var store = Maps;

        Assert.Equal("write", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, CancellationToken.None))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.FindByNameAsync(Workspace, null!, CancellationToken.None))).ParamName);
        Assert.Equal("nameKey", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ListNameCandidatesAsync(Workspace, null!, CancellationToken.None))).ParamName);
        Assert.Equal("channelId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListLinkedToChannelAsync(Workspace, "", CancellationToken.None))).ParamName);
        Assert.Equal("idempotencyKey", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.IsAppliedAsync(Workspace, "", CancellationToken.None))).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task GetHistoryAsync_LimitNotPositive_Empty(int limit)
    {
        var store = Maps;
        var map = await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());

        Assert.Empty(await store.GetHistoryAsync(Workspace, map.Id, limit, CancellationToken.None));
        Assert.Single(await store.GetHistoryAsync(Workspace, map.Id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task ListWorkspacesAsync_MapsInSeveralWorkspaces_EachOnceInKeyOrder()
    {
        var store = Maps;
        var other = WorkspaceKey.ForSlack(null, "T02");
        var teams = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");
        await SaveNewAsync(store, MapBuilder.For(teams).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(other).Named("Globex").Build());
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Initech").Build());

        var listed = await store.ListWorkspacesAsync(CancellationToken.None);

        Assert.Equal(new[] { Workspace, other, teams }.Select(w => w.Value).Order(StringComparer.Ordinal), listed.Select(w => w.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    public async Task FindByNameAsync_NameWithoutLettersOrDigits_Null(string name)
    {
        var store = Maps;
        await SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").WithAliases("ACME Corp").Build());

        Assert.Null(await store.FindByNameAsync(Workspace, name, CancellationToken.None));
    }

    [Fact]
    public async Task ListNameCandidatesAsync_ExactlyTheLimit_AllNamesWhateverIsTyped()
    {
        var store = Maps;
        var names = await SaveManyAsync(store, NameCandidates);

        Assert.Equal(names, await store.ListNameCandidatesAsync(Workspace, "a", CancellationToken.None));
        Assert.Equal(names, await store.ListNameCandidatesAsync(Workspace, "account 0125", CancellationToken.None));
    }

    [Fact]
    public async Task ListNameCandidatesAsync_OverTheLimit_TheNearestHalfEachSideInOrder()
    {
        var store = Maps;
        var names = await SaveManyAsync(store, NameCandidates + 50);
        const int half = NameCandidates / 2;

        var candidates = await store.ListNameCandidatesAsync(Workspace, "account 0150", CancellationToken.None);

        // Both ranges hold the typed key itself (0150): 0026–0150 below, 0150–0274 above, once each.
        Assert.Equal(names.Skip(150 - half + 1).Take((2 * half) - 1), candidates);
    }

    [Fact]
    public async Task ListNameCandidatesAsync_OverTheLimitAndNothingTyped_TheFirstNamesPlusOne()
    {
        var store = Maps;
        var names = await SaveManyAsync(store, NameCandidates + 50);

        Assert.Equal(names.Take(NameCandidates + 1), await store.ListNameCandidatesAsync(Workspace, string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task InstallationStore_BlankKeyOrPlatform_Refused()
    {
        var store = Installations;

        Assert.Equal("key", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetAsync("", CancellationToken.None))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.DeleteAsync("", CancellationToken.None))).ParamName);
        Assert.Equal("platformPrefix", (await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(" ", CancellationToken.None))).ParamName);
        Assert.Equal("installation", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, CancellationToken.None))).ParamName);
    }

    [Fact]
    public async Task InstallationStore_PlatformWhoseNameBeginsAnother_ListsOnlyItsOwn()
    {
        var store = Installations;
        await store.SaveAsync(Installation("slack", "T01"), CancellationToken.None);
        await store.SaveAsync(Installation("slackbeta", "T02"), CancellationToken.None);

        var listed = await store.ListAsync("slack", CancellationToken.None);

        Assert.Equal(["T01"], listed.Select(i => i.TeamId));
    }

    [Fact]
    public async Task Outbox_NullEntry_RefusedNamingIt()
    {
        var outbox = Outbox;

        Assert.Equal("entry", (await Assert.ThrowsAsync<ArgumentNullException>(() => outbox.TryAddAsync(null!, CancellationToken.None))).ParamName);
        Assert.Equal("entry", (await Assert.ThrowsAsync<ArgumentNullException>(() => outbox.TryUpdateAsync(null!, CancellationToken.None))).ParamName);
    }

    [Fact]
    public async Task Outbox_KeyNeverAdded_Null()
    {
        var outbox = Outbox;
        var now = MapBuilder.DefaultTime;
        Assert.True(await outbox.TryAddAsync(
            new OutboxEntry { Key = new DigestKey(Workspace, "C1", "2025-W10"), State = OutboxState.Settled, CreatedAt = now, UpdatedAt = now, NextAttemptAt = now },
            CancellationToken.None));

        Assert.Null(await outbox.GetAsync(new DigestKey(Workspace, "C2", "2025-W10"), CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_ListByStateWithTheSameCreationInstant_ByKey()
    {
        var outbox = Outbox;
        foreach (var channel in new[] { "C2", "C3", "C1" })
        {
            var now = MapBuilder.DefaultTime;
            Assert.True(await outbox.TryAddAsync(
                new OutboxEntry { Key = new DigestKey(Workspace, channel, "2025-W10"), State = OutboxState.Settled, CreatedAt = now, UpdatedAt = now, NextAttemptAt = now },
                CancellationToken.None));
        }

        var listed = await outbox.ListByStateAsync(OutboxState.Settled, CancellationToken.None);

        Assert.Equal(["C1", "C2", "C3"], listed.Select(e => e.Key.ChannelId));
    }

    private static WorkspaceInstallation Installation(string platform, string team) => new()
    {
        Key = WorkspaceInstallation.KeyFor(platform, null, team),
        TeamId = team,
        TeamName = "Acme Sales",
        BotToken = "xoxb-1",
        BotUserId = "U0BOT",
        AppId = "A0APP",
        Scopes = "commands",
        InstalledBy = "U0ADMIN",
        InstalledAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };

    private static async Task<List<string>> SaveManyAsync(IAccountMapStore store, int count)
    {
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Account {i:D4}");
            await SaveNewAsync(store, MapBuilder.For(Workspace).Named(name).Build());
            names.Add(name.ToLowerInvariant());
        }

        return names;
    }
}
